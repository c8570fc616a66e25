package org.engagement.clv.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.engagement.clv.internal.fit.Parameter;

/**
 * A model's positive parameters by name, in the order of its paper: where its fit starts (every parameter
 * at 1) and how {@link RepeatBuyingModel#parameters()} shows them. Immutable and thread-safe.
 */
final class ParameterNames {
  private final List<String> names;

  private ParameterNames(List<String> names) {
    this.names = names;
  }

  static ParameterNames of(String... names) {
    return new ParameterNames(List.of(names));
  }

  /** Every parameter positive, starting at 1. */
  List<Parameter> startingAtOne() {
    List<Parameter> parameters = new ArrayList<>(names.size());
    for (String name : names) {
      parameters.add(Parameter.positive(name, 1));
    }
    return List.copyOf(parameters);
  }

  /** Every parameter positive, starting at {@code starts} (one per name, in order). */
  List<Parameter> startingAt(double... starts) {
    List<Parameter> parameters = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      parameters.add(Parameter.positive(names.get(i), starts[i]));
    }
    return List.copyOf(parameters);
  }

  /** The values by name, in order; one value per name. */
  Map<String, Double> values(double... values) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      out.put(names.get(i), values[i]);
    }
    return Collections.unmodifiableMap(out);
  }
}
