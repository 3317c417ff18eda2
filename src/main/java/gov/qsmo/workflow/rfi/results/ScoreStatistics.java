package gov.qsmo.workflow.rfi.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The figures of aggregation: mean, spread, the sample standard deviation (n - 1: a panel is a sample
 * of possible reviewers, and with n it would flag any lone one-point difference on a small panel),
 * weighted totals and ranks.
 */
public final class ScoreStatistics {

  private ScoreStatistics() {
  }

  public record Figures(int count, Double mean, Integer min, Integer max, Double standardDeviation, double largestDeviation) {

    public int spread() {
      return count == 0 ? 0 : max - min;
    }
  }

  public static Figures of(List<Integer> ratings) {
    if (ratings.isEmpty()) {
      return new Figures(0, null, null, null, null, 0);
    }
    double mean = ratings.stream().mapToInt(Integer::intValue).average().orElseThrow();
    double variance = ratings.size() < 2 ? 0
        : ratings.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum() / (ratings.size() - 1);
    double sd = Math.sqrt(variance);
    double largest = sd == 0 ? 0 : ratings.stream().mapToDouble(r -> Math.abs(r - mean) / sd).max().orElse(0);
    return new Figures(ratings.size(), mean, ratings.stream().min(Integer::compare).orElseThrow(),
        ratings.stream().max(Integer::compare).orElseThrow(), sd, largest);
  }

  /** Σ weight × rating / 100: a total on the rating scale itself. Criteria without a rating count as 0. */
  public static double weightedTotal(Map<Integer, Double> ratingByCriterion, Map<Integer, Integer> weightByCriterion) {
    double total = 0;
    for (Map.Entry<Integer, Integer> weight : weightByCriterion.entrySet()) {
      Double rating = ratingByCriterion.get(weight.getKey());
      total += rating == null ? 0 : rating * weight.getValue() / 100.0;
    }
    return Math.round(total * 1000) / 1000.0;
  }

  public record Ranked(String responseId, double total, int rank) {
  }

  /** Highest total first; equal totals share a rank (1, 2, 2, 4), ordered by response id. */
  public static List<Ranked> rank(Map<String, Double> totals) {
    List<Map.Entry<String, Double>> entries = new ArrayList<>(totals.entrySet());
    entries.sort(Comparator.comparing((Map.Entry<String, Double> e) -> -e.getValue()).thenComparing(Map.Entry::getKey));
    List<Ranked> ranked = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      int rank = i > 0 && entries.get(i).getValue().equals(entries.get(i - 1).getValue())
          ? ranked.get(i - 1).rank() : i + 1;
      ranked.add(new Ranked(entries.get(i).getKey(), entries.get(i).getValue(), rank));
    }
    return ranked;
  }
}
