package fr.certiflow.console;

import fr.certiflow.production.ProductionStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * Where a campaign's productions stand, as an SVG drawn on the server: a bar per composante split by state, each part
 * with its count, and a legend. No script, no style sheet of its own (the console's CSP allows neither inline).
 */
final class ProgressChart {

    private static final int LABEL = 70;
    private static final int WIDTH = 860;
    private static final int BAR = 26;
    private static final int GAP = 12;

    private ProgressChart() {
    }

    static String svg(List<String> components, Map<String, Map<ProductionStatus, Long>> counts) {
        long widest = components.stream().mapToLong(c -> counts.getOrDefault(c, Map.of()).values().stream()
                .mapToLong(Long::longValue).sum()).max().orElse(0);
        int legendRows = (ProductionStatus.values().length + 4) / 5;
        int height = components.size() * (BAR + GAP) + 20 + legendRows * 22;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 ")
                .append(WIDTH + LABEL + 60).append(' ').append(height).append("\" width=\"100%\">")
                .append("<title id=\"chart-title\">Productions par composante et par état</title>");
        int y = 0;
        for (String component : components) {
            Map<ProductionStatus, Long> byState = counts.getOrDefault(component, Map.of());
            long total = byState.values().stream().mapToLong(Long::longValue).sum();
            svg.append("<text x=\"0\" y=\"").append(y + 18).append("\" font-size=\"14\" font-family=\"sans-serif\">")
                    .append(escape(component)).append("</text>");
            double x = LABEL;
            for (ProductionStatus state : ProductionStatus.values()) {
                long n = byState.getOrDefault(state, 0L);
                if (n == 0) {
                    continue;
                }
                double w = widest == 0 ? 0 : (double) WIDTH * n / widest;
                svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y).append("\" width=\"").append(fmt(w))
                        .append("\" height=\"").append(BAR).append("\" fill=\"").append(ProductionStates.COLOURS.get(state))
                        .append("\"><title>").append(escape(component + " : " + n + " " + ProductionStates.LABELS.get(state)))
                        .append("</title></rect>");
                if (w >= 22) {
                    svg.append("<text x=\"").append(fmt(x + w / 2)).append("\" y=\"").append(y + 18)
                            .append("\" text-anchor=\"middle\" font-size=\"13\" font-family=\"sans-serif\" fill=\"")
                            .append(darkBackground(state) ? "#ffffff" : "#111111").append("\">").append(n).append("</text>");
                }
                x += w;
            }
            svg.append("<text x=\"").append(fmt(x + 6)).append("\" y=\"").append(y + 18)
                    .append("\" font-size=\"13\" font-family=\"sans-serif\">").append(total).append("</text>");
            y += BAR + GAP;
        }
        y += 8;
        int i = 0;
        for (ProductionStatus state : ProductionStatus.values()) {
            int lx = (i % 5) * 190;
            int ly = y + (i / 5) * 22;
            svg.append("<rect x=\"").append(lx).append("\" y=\"").append(ly).append("\" width=\"14\" height=\"14\" fill=\"")
                    .append(ProductionStates.COLOURS.get(state)).append("\"/>")
                    .append("<text x=\"").append(lx + 20).append("\" y=\"").append(ly + 12)
                    .append("\" font-size=\"13\" font-family=\"sans-serif\">").append(escape(ProductionStates.LABELS.get(state)))
                    .append("</text>");
            i++;
        }
        return svg.append("</svg>").toString();
    }

    private static boolean darkBackground(ProductionStatus state) {
        return state != ProductionStatus.AWAITING_SUBMISSION && state != ProductionStatus.SUBMITTED
                && state != ProductionStatus.RETURNED;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
