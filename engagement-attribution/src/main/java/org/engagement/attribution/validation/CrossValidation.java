package org.engagement.attribution.validation;

import org.engagement.attribution.internal.IdentityMemo;
import org.engagement.attribution.internal.IdsKey;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.engagement.attribution.hazard.AdditiveHazardModel;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Journeys;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Out-of-sample checks, by seeded folds, of the conversion probabilities attribution models imply: log-loss
 * and AUC on held-out journeys, and the Markov order that predicts best. All <em>predictive</em>: see the
 * {@linkplain org.engagement.attribution.validation package}.
 *
 * <h2>Folds</h2>
 * A journey set with {@linkplain JourneySet#timed() timed journeys} is split by <em>customer</em>: the
 * distinct customers, in their canonical order, are shuffled with a generator seeded with {@link #seed()} and
 * dealt round-robin into {@link #folds()} folds (sizes differ by at most one), so all of a customer's journeys
 * are held out together. A set of paths only (customers unknown) is split by <em>journey</em>: in canonical
 * path order, each converting and each non-converting journey of a path goes to a fold drawn from the seeded
 * generator (a fractional remainder of a count goes whole to one drawn fold). Both splits depend only on the
 * content and the seed, never on the order of the input; the customer split does not depend on channel names
 * either, while the journey split follows the canonical path order, so renaming channels in a way that changes
 * their order draws another, equally valid, split. Each fold is held out once; the predictors learn from the
 * others; the scores pool every held-out journey.
 *
 * <h2>Predictors</h2>
 * Each is the conversion probability a model assigns to a journey once its touches are known:
 * <ul>
 *   <li>{@code base-rate}: the training conversion rate, {@code (C + 0.5) / (C + N + 1)}; the floor any
 *       predictor should beat.
 *   <li>{@code path}: the conversion rate of training journeys on exactly the same path (the per-path
 *       empirical rate).
 *   <li>{@code channel-set}: that of training journeys with the same set of distinct channels: the worth
 *       {@code v(S)} of the exact-set conversion-rate game the general Shapley value plays (and the rates
 *       Shao and Li's model combines).
 *   <li>{@code markov-k}, for {@code k = 1 .. }{@link #maxMarkovOrder()}: the Markov chain of order k's
 *       probability of conversion given that the journey ended where it did,
 *       {@code P(s → conversion) / (P(s → conversion) + P(s → null))} for the journey's last state {@code s}
 *       (its last k touches, or the whole path if shorter, as {@code MarkovChain} builds states; collapsing
 *       repeated states does not change the last one). The chain's absorption probability from {@code s}
 *       would add touches the journey did not make; this is the chain's likelihood of the observed outcome.
 *   <li>{@code additive-hazard}, when asked for ({@link #withAdditiveHazard(boolean)}): {@code 1 − exp(−H)}
 *       for the journey's channel set under {@link AdditiveHazardModel}'s fit on the training folds; listed
 *       last. It is not scored when the set has more channels than the fit accepts, or when a fold's
 *       training journeys have no non-conversion.
 * </ul>
 *
 * <h2>Unseen paths and states</h2>
 * Every rate is smoothed towards a fallback with the weight of {@value #SMOOTHING} pseudo-journey:
 * {@code (c + m·prior) / (c + n + m)} for the training conversions {@code c} and non-conversions {@code n} of
 * the key. A path, set or state not seen in training has {@code c = n = 0} and so gets its fallback: the base
 * rate for {@code path}, {@code channel-set} and {@code markov-1}, and order {@code k − 1}'s smoothed
 * probability for {@code markov-k} (interpolated back-off, as in language models). No probability is ever 0
 * or 1, so the log-loss is finite.
 *
 * <h2>Scores</h2>
 * Log-loss is the mean of {@code −ln p} over held-out converting journeys and {@code −ln(1 − p)} over the
 * others (counts as weights). AUC is the weighted Mann-Whitney statistic over the pooled held-out predictions.
 * The Markov order chosen is the one with the lowest log-loss, the lower order on a tie.
 *
 * <p>Work is linear in the journeys (the split) and in the distinct paths times the orders (the predictions).
 *
 * <p>Reports are remembered for the last few set instances (held weakly) and configurations; they are immutable.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class CrossValidation {
  /** The default number of folds. */
  public static final int DEFAULT_FOLDS = 5;
  /** The default highest Markov order scored. */
  public static final int DEFAULT_MAX_ORDER = 4;
  /** The highest Markov order that can be scored. */
  public static final int MAX_ORDER = 32;
  /** The weight, in journeys, of the fallback probability in every smoothed rate. */
  public static final double SMOOTHING = 1.0;

  /**
   * The reports on the sets seen last, by instance and configuration ({@link #toString()}): {@code recommended}
   * validates the set of a report's attribution section and again that of its ROI section, the same instance.
   */
  private static final IdentityMemo<JourneySet, String, ValidationReport> REPORTS = IdentityMemo.of(8);

  private final int folds;
  private final long seed;
  private final int maxOrder;
  private final boolean additiveHazard;

  private CrossValidation(int folds, long seed, int maxOrder, boolean additiveHazard) {
    this.folds = folds;
    this.seed = seed;
    this.maxOrder = maxOrder;
    this.additiveHazard = additiveHazard;
  }

  /**
   * Validation with {@code folds} folds split with {@code seed}, scoring Markov orders 1 to
   * {@value #DEFAULT_MAX_ORDER}.
   *
   * @throws InvalidFieldException if {@code folds} is not from 2 to 100
   */
  public static CrossValidation of(int folds, long seed) {
    if (folds < 2 || folds > 100) {
      throw new InvalidFieldException("folds", folds, "must be from 2 to 100");
    }
    return new CrossValidation(folds, seed, DEFAULT_MAX_ORDER, false);
  }

  /** {@value #DEFAULT_FOLDS} folds split with seed 0. */
  public static CrossValidation defaults() {
    return of(DEFAULT_FOLDS, 0);
  }

  /**
   * This validation scoring Markov orders 1 to {@code order}.
   *
   * @throws InvalidFieldException if {@code order} is not from 1 to {@value #MAX_ORDER}
   */
  public CrossValidation withMaxMarkovOrder(int order) {
    if (order < 1 || order > MAX_ORDER) {
      throw new InvalidFieldException("maxMarkovOrder", order, "must be from 1 to " + MAX_ORDER);
    }
    return new CrossValidation(folds, seed, order, additiveHazard);
  }

  /**
   * This validation also scoring (or not) the predictor {@code additive-hazard}: the conversion probability
   * of {@link AdditiveHazardModel}'s fit on the training folds. Off by default: it fits the model once per
   * fold, which costs far more than the counting predictors.
   */
  public CrossValidation withAdditiveHazard(boolean score) {
    return new CrossValidation(folds, seed, maxOrder, score);
  }

  /** Whether {@code additive-hazard} is scored. */
  public boolean scoresAdditiveHazard() {
    return additiveHazard;
  }

  /** The number of folds. */
  public int folds() {
    return folds;
  }

  /** The seed of the split. */
  public long seed() {
    return seed;
  }

  /** The highest Markov order scored. */
  public int maxMarkovOrder() {
    return maxOrder;
  }

  /**
   * Scores every predictor on {@code journeys}, by customer folds if it has timed journeys, else by journey.
   *
   * @throws InvalidFieldException if {@code journeys} holds no journey (no conversions and no nulls)
   */
  public ValidationReport validate(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    if (!(journeys.totalConversions() + journeys.totalNulls() > 0)) {
      throw new InvalidFieldException("journeys", journeys, "must hold journeys to validate on");
    }
    return REPORTS.get(journeys, toString(), () -> score(journeys, journeys.timed()
        .map(timed -> byCustomer(journeys, timed)).orElseGet(() -> byJourney(journeys))));
  }

  /**
   * The fold of each customer of {@code journeys}: the distinct customers shuffled with the seed and dealt
   * round-robin.
   */
  public Map<String, Integer> customerFolds(Journeys journeys) {
    requireNonNull(journeys, "journeys");
    CustomerRuns runs = CustomerRuns.of(journeys);
    int[] order = shuffled(runs.ids().size());
    Map<String, Integer> folds = new HashMap<>();
    for (int rank = 0; rank < order.length; rank++) {
      folds.put(runs.ids().get(order[rank]), rank % this.folds);
    }
    return folds;
  }

  /**
   * Each journey's fold, as {@link #customerFolds} deals them. When each customer's journeys are together (the
   * canonical order), a customer's fold is read from its run's rank instead of a map by id.
   */
  private int[] journeyFolds(Journeys journeys) {
    CustomerRuns runs = CustomerRuns.of(journeys);
    int[] order = shuffled(runs.ids().size());
    int[] foldOfRun = new int[order.length];
    if (runs.distinct()) {
      for (int rank = 0; rank < order.length; rank++) {
        foldOfRun[order[rank]] = rank % folds;
      }
    } else {
      Map<String, Integer> byId = customerFolds(journeys);
      for (int r = 0; r < order.length; r++) {
        foldOfRun[r] = byId.getOrDefault(runs.ids().get(r), 0);
      }
    }
    int[] fold = new int[journeys.size()];
    for (int j = 0; j < fold.length; j++) {
      fold[j] = foldOfRun[runs.runOf()[j]];
    }
    return fold;
  }

  /** The indexes {@code 0 .. count − 1} shuffled with the seed (Fisher-Yates from the end). */
  private int[] shuffled(int count) {
    int[] order = new int[count];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /**
   * The runs of consecutive journeys of one customer: their ids in order, each journey's run, and whether no
   * id has two runs (ids strictly ascending, as in the canonical order).
   */
  private static final class CustomerRuns {
    private final List<String> ids;
    private final int[] runOf;
    private final boolean distinct;

    private CustomerRuns(List<String> ids, int[] runOf, boolean distinct) {
      this.ids = ids;
      this.runOf = runOf;
      this.distinct = distinct;
    }

    List<String> ids() {
      return ids;
    }

    int[] runOf() {
      return runOf;
    }

    boolean distinct() {
      return distinct;
    }

    static CustomerRuns of(Journeys journeys) {
      List<String> ids = new ArrayList<>();
      int[] runOf = new int[journeys.size()];
      boolean ascending = true;
      for (int j = 0; j < journeys.size(); j++) {
        String id = journeys.customerId(j);
        if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id)) {
          ascending &= ids.isEmpty() || ids.get(ids.size() - 1).compareTo(id) < 0;
          ids.add(id);
        }
        runOf[j] = ids.size() - 1;
      }
      return new CustomerRuns(ids, runOf, ascending);
    }
  }

  private Units byCustomer(JourneySet set, Journeys timed) {
    int[] foldOf = journeyFolds(timed);
    int[] pathOf;
    try {
      pathOf = set.pathsOf(timed);
    } catch (IllegalStateException e) {
      throw new InvalidFieldException("journeys", set, "must be grouped from its timed journeys");
    }
    Units units = new Units(timed.size());
    units.single = true;
    for (int j = 0; j < timed.size(); j++) {
      boolean converted = timed.converted(j);
      units.add(pathOf[j], foldOf[j], converted ? 1 : 0, converted ? 0 : 1);
    }
    return units;
  }

  private Units byJourney(JourneySet set) {
    SplittableRandom random = new SplittableRandom(seed);
    Units units = new Units(set.pathCount() * folds);
    double[] conv = new double[folds];
    double[] nulls = new double[folds];
    for (int p = 0; p < set.pathCount(); p++) {
      Arrays.fill(conv, 0);
      Arrays.fill(nulls, 0);
      deal(set.conversions(p), conv, random);
      deal(set.nulls(p), nulls, random);
      for (int f = 0; f < folds; f++) {
        if (conv[f] + nulls[f] > 0) {
          units.add(p, f, conv[f], nulls[f]);
        }
      }
    }
    return units;
  }

  /** Deals {@code count} journeys one by one into drawn folds; a fractional remainder goes to one drawn fold. */
  private void deal(double count, double[] into, SplittableRandom random) {
    long whole = (long) Math.floor(count);
    for (long i = 0; i < whole; i++) {
      into[random.nextInt(folds)]++;
    }
    double rest = count - whole;
    if (rest > 0) {
      into[random.nextInt(folds)] += rest;
    }
  }

  private ValidationReport score(JourneySet set, Units units) {
    int predictors = 3 + maxOrder;
    // Predictions depend only on a unit's path and fold: compute them once per such cell. Units of one journey
    // each (customer folds) are merged into cells; their counts are 0 or 1, so the cells' sums are exact and
    // every total below is the same double as summed unit by unit. Units of a path file are already one per
    // path and fold, and are their own cells.
    int @Nullable [] cellOf = null;
    Units cells = units;
    if (units.single) {
      int[] merging = units.cells(set.pathCount(), folds);
      cellOf = merging;
      cells = units.merged(merging);
    }
    KeyTable pathTable = KeyTable.byPath(set, folds, cells);
    KeyTable setTable = new KeyTable(set, folds, cells, p -> new IdsKey(
        Arrays.stream(set.path(p)).distinct().sorted().toArray()));
    KeyTable[] markov = new KeyTable[maxOrder];
    for (int k = 1; k <= maxOrder; k++) {
      int order = k;
      markov[k - 1] = new KeyTable(set, folds, cells, p -> {
        int[] path = set.path(p);
        return new IdsKey(Arrays.copyOfRange(path, Math.max(0, path.length - order), path.length));
      });
    }
    double[] totalConv = new double[folds + 1];
    double[] totalNull = new double[folds + 1];
    for (int u = 0; u < cells.size; u++) {
      totalConv[cells.fold[u]] += cells.conv[u];
      totalNull[cells.fold[u]] += cells.nulls[u];
      totalConv[folds] += cells.conv[u];
      totalNull[folds] += cells.nulls[u];
    }
    double[][] predicted = new double[predictors][cells.size];
    for (int u = 0; u < cells.size; u++) {
      int f = cells.fold[u];
      int p = cells.path[u];
      double c = Math.max(0, totalConv[folds] - totalConv[f]);
      double n = Math.max(0, totalNull[folds] - totalNull[f]);
      double base = (c + 0.5) / (c + n + 1);
      predicted[0][u] = base;
      predicted[1][u] = pathTable.smoothed(p, f, base);
      predicted[2][u] = setTable.smoothed(p, f, base);
      double prior = base;
      for (int k = 0; k < maxOrder; k++) {
        prior = markov[k].smoothed(p, f, prior);
        predicted[3 + k][u] = prior;
      }
    }
    List<PredictorScore> scores = new ArrayList<>(predictors + 1);
    for (int i = 0; i < predictors; i++) {
      scores.add(new PredictorScore(name(i), logLoss(predicted[i], units, cellOf), auc(predicted[i], cells)));
    }
    if (additiveHazard && set.channels().size() <= AdditiveHazardModel.MAX_CHANNELS) {
      double[] hazard = additiveHazard(set, cells);
      if (hazard != null) {
        scores.add(new PredictorScore(AdditiveHazardModel.NAME, logLoss(hazard, units, cellOf), auc(hazard, cells)));
      }
    }
    int best = 1;
    for (int k = 2; k <= maxOrder; k++) {
      if (scores.get(2 + k).logLoss() < scores.get(2 + best).logLoss()) {
        best = k;
      }
    }
    return new ValidationReport(folds, seed, set.timed().isPresent() ? "customers" : "journeys", scores, best);
  }

  /**
   * Each unit's conversion probability under the additive-hazard fit of the other folds; null when a fold's
   * training journeys have conversions but none that did not convert (the fit needs both).
   */
  private double @Nullable [] additiveHazard(JourneySet set, Units units) {
    int paths = set.pathCount();
    double[][] foldConv = new double[folds][paths];
    double[][] foldNull = new double[folds][paths];
    for (int u = 0; u < units.size; u++) {
      foldConv[units.fold[u]][units.path[u]] += units.conv[u];
      foldNull[units.fold[u]][units.path[u]] += units.nulls[u];
    }
    Function<JourneySet, double[]> fit = AdditiveHazardModel.create().hazardsOfRecounts(set);
    double[][] hazards = new double[folds][];
    for (int f = 0; f < folds; f++) {
      double[] conv = new double[paths];
      double[] nulls = new double[paths];
      for (int p = 0; p < paths; p++) {
        conv[p] = Math.max(0, set.conversions(p) - foldConv[f][p]);
        nulls[p] = Math.max(0, set.nulls(p) - foldNull[f][p]);
      }
      JourneySet training = set.withCounts(conv, new double[paths], nulls);
      if (training.totalConversions() > 0 && !(training.totalNulls() > 0)) {
        return null;
      }
      hazards[f] = fit.apply(training);
    }
    double[] predicted = new double[units.size];
    for (int u = 0; u < units.size; u++) {
      double[] h = hazards[units.fold[u]];
      double sum = h[0];
      for (int c : Arrays.stream(set.path(units.path[u])).distinct().toArray()) {
        sum += h[1 + c];
      }
      predicted[u] = Math.min(1 - 1e-12, Math.max(1e-12, -Math.expm1(-sum)));
    }
    return predicted;
  }

  private static String name(int predictor) {
    return switch (predictor) {
      case 0 -> "base-rate";
      case 1 -> "path";
      case 2 -> "channel-set";
      default -> "markov-" + (predictor - 2);
    };
  }

  /** The mean log-loss over the units, in their order; {@code p} per cell ({@code cellOf}, or one per unit if null). */
  private static double logLoss(double[] p, Units units, int @Nullable [] cellOf) {
    double loss = 0;
    double weight = 0;
    for (int u = 0; u < units.size; u++) {
      double pu = p[cellOf == null ? u : cellOf[u]];
      if (units.conv[u] > 0) {
        loss -= units.conv[u] * Math.log(pu);
      }
      if (units.nulls[u] > 0) {
        loss -= units.nulls[u] * Math.log1p(-pu);
      }
      weight += units.conv[u] + units.nulls[u];
    }
    return loss / weight;
  }

  /** The weighted Mann-Whitney statistic: pairs of a converting and a non-converting journey, ties half. */
  private static double auc(double[] p, Units units) {
    double[] levels = distinctLevels(p, units.size);
    double[] groupConv = new double[levels.length];
    double[] groupNull = new double[levels.length];
    for (int u = 0; u < units.size; u++) {
      int g = Arrays.binarySearch(levels, p[u] + 0.0);
      groupConv[g] += units.conv[u];
      groupNull[g] += units.nulls[u];
    }
    double nullsBelow = 0;
    double pairs = 0;
    double conversions = 0;
    for (int g = 0; g < levels.length; g++) {
      pairs += groupConv[g] * (nullsBelow + groupNull[g] / 2);
      nullsBelow += groupNull[g];
      conversions += groupConv[g];
    }
    double all = conversions * nullsBelow;
    return all > 0 ? pairs / all : Double.NaN;
  }

  /**
   * The distinct values of {@code p[0 .. size)} in increasing order, a -0.0 counted as 0.0. Grouping the units by
   * these and adding each group's counts in unit order gives the sums a stable sort of the units by prediction
   * gave (ties kept in unit order), without a boxed index per unit.
   */
  private static double[] distinctLevels(double[] p, int size) {
    double[] sorted = new double[size];
    for (int u = 0; u < size; u++) {
      sorted[u] = p[u] + 0.0;
    }
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < size; i++) {
      if (distinct == 0 || Double.compare(sorted[i], sorted[distinct - 1]) != 0) {
        sorted[distinct++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, distinct);
  }

  @Override
  public String toString() {
    return "CrossValidation[folds=" + folds + ", seed=" + seed + ", maxMarkovOrder=" + maxOrder
        + ", additiveHazard=" + additiveHazard + "]";
  }

  /** Held-out units: a path, its fold, its converting and non-converting journeys. Not thread-safe. */
  private static final class Units {
    int[] path;
    int[] fold;
    double[] conv;
    double[] nulls;
    int size;
    /** Whether each unit is one journey (counts 0 or 1). */
    boolean single;

    Units(int capacity) {
      int c = Math.max(16, capacity);
      path = new int[c];
      fold = new int[c];
      conv = new double[c];
      nulls = new double[c];
    }

    void add(int p, int f, double c, double n) {
      if (size == path.length) {
        path = Arrays.copyOf(path, size * 2);
        fold = Arrays.copyOf(fold, size * 2);
        conv = Arrays.copyOf(conv, size * 2);
        nulls = Arrays.copyOf(nulls, size * 2);
      }
      path[size] = p;
      fold[size] = f;
      conv[size] = c;
      nulls[size] = n;
      size++;
    }

    /**
     * Each unit's cell, one per distinct path and fold, numbered by path then by first appearance (a counting
     * sort by path; memory linear in the units and paths, not in paths times folds).
     */
    int[] cells(int paths, int folds) {
      int[] start = new int[paths + 1];
      for (int u = 0; u < size; u++) {
        start[path[u] + 1]++;
      }
      for (int p = 0; p < paths; p++) {
        start[p + 1] += start[p];
      }
      int[] byPath = new int[size];
      int[] next = Arrays.copyOf(start, paths);
      for (int u = 0; u < size; u++) {
        byPath[next[path[u]]++] = u;
      }
      int[] cellOf = new int[size];
      int[] slot = new int[folds];
      Arrays.fill(slot, -1);
      int cells = 0;
      for (int p = 0; p < paths; p++) {
        for (int k = start[p]; k < start[p + 1]; k++) {
          int u = byPath[k];
          if (slot[fold[u]] < 0) {
            slot[fold[u]] = cells++;
          }
          cellOf[u] = slot[fold[u]];
        }
        for (int k = start[p]; k < start[p + 1]; k++) {
          slot[fold[byPath[k]]] = -1;
        }
      }
      return cellOf;
    }

    /** The cells of {@link #cells}: each one's path and fold, its units' counts summed in unit order. */
    Units merged(int[] cellOf) {
      int count = 0;
      for (int u = 0; u < size; u++) {
        count = Math.max(count, cellOf[u] + 1);
      }
      Units merged = new Units(count);
      merged.size = count;
      for (int u = 0; u < size; u++) {
        int c = cellOf[u];
        merged.path[c] = path[u];
        merged.fold[c] = fold[u];
        merged.conv[c] += conv[u];
        merged.nulls[c] += nulls[u];
      }
      return merged;
    }
  }

  /** How a predictor groups paths: the key of a path id. */
  @FunctionalInterface
  private interface Keying {
    IdsKey key(int path);
  }

  /** Conversions and non-conversions per key, in total and per fold. Immutable after construction. */
  private static final class KeyTable {
    private final int folds;
    private final int[] keyOfPath;
    private final double[] conv;
    private final double[] nulls;

    KeyTable(JourneySet set, int folds, Units units, Keying keying) {
      this(folds, units, keys(set, keying));
    }

    /** The table keyed by {@code keyOfPath} (keys numbered from 0 by first appearance in path order). */
    private KeyTable(int folds, Units units, int[] keyOfPath) {
      this.folds = folds;
      this.keyOfPath = keyOfPath;
      int keyCount = 0;
      for (int key : keyOfPath) {
        keyCount = Math.max(keyCount, key + 1);
      }
      int stride = folds + 1;
      conv = new double[keyCount * stride];
      nulls = new double[keyCount * stride];
      for (int u = 0; u < units.size; u++) {
        int base = keyOfPath[units.path[u]] * stride;
        conv[base + units.fold[u]] += units.conv[u];
        nulls[base + units.fold[u]] += units.nulls[u];
        conv[base + folds] += units.conv[u];
        nulls[base + folds] += units.nulls[u];
      }
    }

    /**
     * The table keyed by the path itself: the paths of a set are distinct, so each is its own key, numbered as
     * the path (what keying by a copy of the path gave, without the copies).
     */
    static KeyTable byPath(JourneySet set, int folds, Units units) {
      int[] identity = new int[set.pathCount()];
      Arrays.setAll(identity, p -> p);
      return new KeyTable(folds, units, identity);
    }

    /** Each path's key under {@code keying}, numbered from 0 by first appearance in path order. */
    private static int[] keys(JourneySet set, Keying keying) {
      Map<IdsKey, Integer> keys = new HashMap<>();
      int[] keyOfPath = new int[set.pathCount()];
      for (int p = 0; p < keyOfPath.length; p++) {
        keyOfPath[p] = keys.computeIfAbsent(keying.key(p), k -> keys.size());
      }
      return keyOfPath;
    }

    /** The training rate of path {@code p}'s key with fold {@code f} held out, smoothed towards {@code prior}. */
    double smoothed(int p, int f, double prior) {
      int base = keyOfPath[p] * (folds + 1);
      double c = Math.max(0, conv[base + folds] - conv[base + f]);
      double n = Math.max(0, nulls[base + folds] - nulls[base + f]);
      return (c + SMOOTHING * prior) / (c + n + SMOOTHING);
    }
  }
}
