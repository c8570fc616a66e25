package org.engagement.roi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.engagement.core.domain.Money;

/**
 * A calculator declared in test scope ({@code src/test/resources/META-INF/services}) that
 * {@link RoiCalculators#defaults()} must find by name: it credits each costed channel with its measured
 * attributed revenue only, leaving the other reward components out (not computed).
 */
public final class AttributedOnlyCalculatorProvider implements RoiCalculatorProvider {
  static final String NAME = "attributed-only";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RoiCalculator create() {
    return new RoiCalculator() {
      @Override
      public String name() {
        return NAME;
      }

      @Override
      public RoiReport calculate(RoiInputs inputs) {
        List<RoiLine> lines = new ArrayList<>();
        double attributed = 0;
        for (Map.Entry<String, Money> spend : inputs.investment().byChannel().entrySet()) {
          double value = inputs.attribution().measured().value(spend.getKey());
          attributed += value;
          lines.add(line(spend.getKey(), spend.getValue(), value, inputs));
        }
        RoiLine total = line("total", inputs.investment().total(), attributed, inputs);
        return new RoiReport(NAME, inputs.currency(), inputs.firstMonth(), inputs.lastMonth(), lines, List.of(), total);
      }
    };
  }

  private static RoiLine line(String key, Money cost, double attributed, RoiInputs inputs) {
    return new RoiLine(key, cost, Map.of(RewardComponent.ATTRIBUTED_REVENUE, attributed), 0, 0, inputs.months(), 1,
        OptionalInt.empty());
  }
}
