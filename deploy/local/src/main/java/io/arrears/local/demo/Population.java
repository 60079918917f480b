package io.arrears.local.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The bank's card book for one simulated month, drawn from a seed so a run can be repeated: who the
 * cardholders are, what contact data core banking holds for them, what they owe and how they pay.
 * The mix follows a typical consumer card book: most pay on time, some late, some in part, some not
 * at all; a few have only a postal address, a few live abroad, a few withdrew SMS consent.
 */
final class Population {

    /** How a cardholder pays this month's minimum. */
    enum Payer { ON_TIME, LATE, PARTIAL, NEVER }

    static final String HOME_ZONE = "Asia/Shanghai";
    static final String ABROAD_ZONE = "Europe/London";

    /**
     * One cardholder with one card account. {@code dueOffset} is the due date as days after the
     * month's first day; {@code payOffset} is when they pay, as days after the due date.
     */
    record Holder(int n, String accountId, String customerId, String name, String phone, String email, String language,
                  String timezone, boolean smsConsent, String product, String cardLast4, BigDecimal balance, BigDecimal minimumDue,
                  int dueOffset, Payer payer, int payOffset, BigDecimal payAmount, boolean keepsWord) {

        boolean atHome() {
            return HOME_ZONE.equals(timezone);
        }
    }

    private static final String[] SURNAMES = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu"};
    private static final String[] GIVEN = {"Fang", "Wei", "Min", "Jing", "Lei", "Yan", "Jun", "Tao", "Xiu", "Hao"};

    private Population() {
    }

    static List<Holder> draw(int accounts, long seed) {
        Random random = new Random(seed);
        List<Holder> holders = new ArrayList<>(accounts);
        for (int n = 1; n <= accounts; n++) {
            holders.add(holder(n, random));
        }
        return holders;
    }

    /**
     * The collections back book: cardholders who missed an earlier statement and are 50 to 58 days past due
     * when the month starts, so the ladder hands them to an agency at 60 days within it. One in a hundred of
     * the month's number (at least ten); they live at home, and pay only if someone gets a promise from them.
     */
    static List<Holder> backBook(int accounts, long seed) {
        Random random = new Random(seed * 17 + 3);
        List<Holder> holders = new ArrayList<>();
        for (int n = 1; n <= Math.max(10, accounts / 100); n++) {
            Holder h = holder(8_000_000 + n, random);
            holders.add(new Holder(h.n(), h.accountId(), h.customerId(), h.name(), h.phone(), h.email(), h.language(), HOME_ZONE, h.smsConsent(),
                    h.product(), h.cardLast4(), h.balance(), h.minimumDue(), -(50 + random.nextInt(9)), Payer.NEVER, Integer.MAX_VALUE,
                    h.minimumDue(), h.keepsWord()));
        }
        return holders;
    }

    private static Holder holder(int n, Random random) {
        String account = String.format("ACC-%07d", n);
        String customer = String.format("CUS-%07d", n);
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];

        double contact = random.nextDouble();
        boolean postalOnly = contact < 0.04;
        boolean noPhone = postalOnly || contact < 0.06;
        String phone = noPhone ? null : "+86139" + String.format("%08d", random.nextInt(100_000_000));
        String email = postalOnly ? null : String.format("holder%07d@example.com", n);
        String language = random.nextDouble() < 0.8 ? "zh-CN" : "en";
        String timezone = random.nextDouble() < 0.03 ? ABROAD_ZONE : HOME_ZONE;
        boolean smsConsent = random.nextDouble() >= 0.02;

        boolean highBalance = random.nextDouble() < 0.05;
        BigDecimal balance = BigDecimal.valueOf(highBalance ? 200_000 + random.nextInt(200_000) : 2_000 + random.nextInt(58_000))
                .add(BigDecimal.valueOf(random.nextInt(100), 2));
        BigDecimal minimum = balance.multiply(new BigDecimal("0.10")).setScale(2, RoundingMode.HALF_UP).max(new BigDecimal("100.00"));
        String product = highBalance ? "PLATINUM" : random.nextDouble() < 0.7 ? "CLASSIC" : "GOLD";
        // Some core-banking feeds leave the card number out; their messages say "your credit card".
        String cardLast4 = random.nextDouble() < 0.05 ? null : String.format("%04d", random.nextInt(10_000));

        double behaviour = random.nextDouble();
        Payer payer = behaviour < 0.62 ? Payer.ON_TIME : behaviour < 0.78 ? Payer.LATE : behaviour < 0.88 ? Payer.PARTIAL : Payer.NEVER;
        int payOffset = switch (payer) {
            case ON_TIME -> -random.nextInt(6);
            case LATE -> 5 + random.nextInt(8);
            case PARTIAL -> 5 + random.nextInt(4);
            case NEVER -> Integer.MAX_VALUE;
        };
        BigDecimal paid = payer == Payer.PARTIAL
                ? minimum.multiply(BigDecimal.valueOf(30 + random.nextInt(41), 2)).setScale(2, RoundingMode.HALF_UP)
                : minimum;
        int dueOffset = 1 + random.nextInt(10);
        return new Holder(n, account, customer, name, phone, email, language, timezone, smsConsent, product, cardLast4, balance, minimum,
                dueOffset, payer, payOffset, paid, random.nextDouble() < 0.55);
    }
}
