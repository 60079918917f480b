package io.arrears.local.capacity;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** Throughput and p99 against the size of the book, one point per size (its latest run), as a PNG. */
final class CapacityChart {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 420;
    private static final int PANEL = WIDTH / 2;
    private static final int MARGIN = 80;

    private CapacityChart() {
    }

    static Path draw(List<CapacityResult> runs, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<Integer, CapacityResult> latest = new TreeMap<>();
        runs.forEach(r -> latest.put(r.run().accounts(), r));
        List<CapacityResult> points = new ArrayList<>(latest.values());
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        panel(g, 0, "reminders/s at the providers, end to end", points, r -> r.run().endToEndPerSecond(), new Color(0x1f77b4));
        panel(g, PANEL, "p99 PaymentMissed -> provider (s)", points, r -> r.run().missedToProvider().p99Millis() / 1000.0, new Color(0xd62728));
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static void panel(Graphics2D g, int x0, String title, List<CapacityResult> points, ToDoubleFunction<CapacityResult> y,
                              Color color) {
        int left = x0 + MARGIN;
        int right = x0 + PANEL - 20;
        int top = 50;
        int bottom = HEIGHT - MARGIN;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, left, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        g.drawString("accounts in the book (log scale)", left + 60, HEIGHT - 18);
        if (points.isEmpty()) {
            g.drawString("no runs yet", left + 20, top + 40);
            return;
        }
        double minX = Math.log10(points.get(0).run().accounts()) - 0.3;
        double maxX = Math.log10(points.get(points.size() - 1).run().accounts()) + 0.3;
        double maxY = points.stream().mapToDouble(y).max().orElse(1) * 1.2;
        maxY = maxY <= 0 ? 1 : maxY;
        for (int i = 0; i <= 4; i++) {
            double value = maxY * i / 4;
            int py = bottom - (int) ((bottom - top) * i / 4.0);
            g.setColor(new Color(0xdddddd));
            g.drawLine(left + 1, py, right, py);
            g.setColor(Color.DARK_GRAY);
            g.drawString(figure(value), x0 + 5, py + 4);
        }
        g.setColor(color);
        g.setStroke(new BasicStroke(2.5f));
        int prevX = -1;
        int prevY = -1;
        for (CapacityResult r : points) {
            double lx = Math.log10(r.run().accounts());
            int px = left + (int) ((right - left) * (lx - minX) / (maxX - minX));
            int py = bottom - (int) ((bottom - top) * y.applyAsDouble(r) / maxY);
            if (prevX >= 0) {
                g.drawLine(prevX, prevY, px, py);
            }
            g.fillOval(px - 5, py - 5, 10, 10);
            g.setColor(Color.BLACK);
            String label = figure(y.applyAsDouble(r));
            int width = g.getFontMetrics().stringWidth(label);
            // A label that would run past the panel's edge goes to the left of its point.
            g.drawString(label, px + 8 + width > x0 + PANEL ? px - 8 - width : px + 8, py - 8);
            g.drawString(String.format("%,d", r.run().accounts()), px - 20, bottom + 16);
            g.setColor(color);
            prevX = px;
            prevY = py;
        }
        g.setStroke(new BasicStroke(1));
    }

    /** Seconds near the 2 s target read 2.7 and 3.4, not 3 and 3; rates stay whole. */
    private static String figure(double value) {
        return String.format(value > 0 && value < 10 ? "%,.1f" : "%,.0f", value);
    }
}
