package io.arrears.contact.customer;

/** How contact points appear anywhere but the provider call: in logs, views and the attempt row. */
public final class Masked {

    private Masked() {
    }

    /** {@code +8613800138000} becomes {@code +86*******8000}. */
    public static String phone(String number) {
        if (number == null) {
            return null;
        }
        String n = number.strip();
        if (n.length() <= 6) {
            return "*".repeat(n.length());
        }
        int keepStart = n.startsWith("+") ? 3 : 2;
        return n.substring(0, keepStart) + "*".repeat(n.length() - keepStart - 4) + n.substring(n.length() - 4);
    }

    /** {@code li.wei@example.com} becomes {@code l*****@example.com}. */
    public static String email(String address) {
        if (address == null) {
            return null;
        }
        int at = address.indexOf('@');
        if (at <= 0) {
            return "*".repeat(address.length());
        }
        return address.charAt(0) + "*".repeat(Math.max(1, at - 1)) + address.substring(at);
    }

    static String normalize(String number) {
        StringBuilder digits = new StringBuilder();
        for (char ch : number.strip().toCharArray()) {
            if (Character.isDigit(ch)) {
                digits.append(ch);
            }
        }
        return digits.toString();
    }
}
