package org.engagement.attribution.heuristic;

import java.util.List;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModelProvider;
import org.engagement.attribution.ModelParameter;
import org.engagement.attribution.ModelParameters;

/**
 * The providers of the rule-based models: one nested class per registry name ({@link HeuristicModel}'s
 * ten, {@link TimeDecayModel} and {@link WShapedModel}), each listed as a {@link java.util.ServiceLoader}
 * service so the registry's defaults hold them. {@link #all()} gives them to a host that builds an
 * explicit registry.
 *
 * <p>The providers are immutable and thread-safe; constructing one loads no model class.
 *
 * @since 0.1.0
 */
public final class HeuristicModelProviders {
  private HeuristicModelProviders() {}

  /** A new instance of every provider of this class, in the order of the table of {@link HeuristicModel}. */
  public static List<AttributionModelProvider> all() {
    return List.of(new FirstTouch(), new LastTouch(), new LastNonDirect(), new Linear(),
        new LinearUnique(), new PositionBased(), new JShaped(), new InverseJ(),
        new Custom(), new Participation(), new TimeDecay(), new WShaped());
  }

  /** Provides {@code first-touch}. */
  public static final class FirstTouch implements AttributionModelProvider {
    /** The provider; {@link java.util.ServiceLoader} calls this. */
    public FirstTouch() {}

    @Override
    public String name() {
      return "first-touch";
    }

    @Override
    public String description() {
      return "all credit to the first touch of each path";
    }

    @Override
    public AttributionModel create(ModelParameters parameters) {
      return HeuristicModel.firstTouch();
    }
  }

  /** Provides {@code last-touch}. */
  public static final class LastTouch implements AttributionModelProvider {
    /** The provider; {@link java.util.ServiceLoader} calls this. */
    public LastTouch() {}

    @Override
    public String name() {
      return "last-touch";
    }

    @Override
    public String description() {
      return "all credit to the last touch of each path";
    }

    @Override
    public AttributionModel create(ModelParameters parameters) {
      return HeuristicModel.lastTouch();
    }
  }

  /** Provides {@code last-non-direct}, with parameter {@code direct} ({@link HeuristicModel#DIRECT}). */
  public static final class LastNonDirect implements AttributionModelProvider {
    /** The provider; {@link java.util.ServiceLoader} calls this. */
    public LastNonDirect() {}

    @Override
    public String name() {
      return "last-non-direct";
    }

    @Override
    public String description() {
      return "all credit to the last touch on a channel that is not direct (to the last touch if all are)";
    }

    @Override
    public List<ModelParameter<?>> parameters() {
      return HeuristicModel.LAST_NON_DIRECT_PARAMETERS;
    }

    @Override
    public AttributionModel create(ModelParameters parameters) {
      return HeuristicModel.lastNonDirect(parameters);
    }
  }

  /** Provides {@code linear}. */
  public static final class Linear implements AttributionModelProvider {
    /** The provider; {@link java.util.ServiceLoader} calls this. */
    public Linear() {}

    @Override
    public String name() {
      return "linear";
    }

    @Override
    public String description() {
      return "an equal share to every touch, repeats included";
    }

    @Override
    public AttributionModel create(ModelParameters parameters) {
      return HeuristicModel.linear();
    }
  }

  /** Provides {@code linear-unique}. */
  public static final class LinearUnique implements AttributionModelProvider {
    /** The provider; {@link java.util.ServiceLoader} calls this. */
    public LinearUnique() {}

    @Override
    public String name() {
      return "linear-unique";
    }

    @Override
    public String description() {
      return "an equal share to every distinct channel of a path";
    }

    @Override
    public AttributionModel create(ModelParameters parameters) {
      return HeuristicModel.linearUnique();
    }
  }

  /**
   * Provides {@code position-based}, with parameters {@code first}, {@code middle}, {@code last} (default
   * 40/20/40).
   */
  public static final class PositionBased implements AttributionModelProvider {
    /** The provider; {@link java.util.ServiceLoader} calls this. */
    public PositionBased() {}

    @Override
    public String name() {
      return "position-based";
    }

    @Override
    public String description() {
      return "first/middle/last weights, default 40/20/40 (U-shaped)";
    }

    @Override
    public List<ModelParameter<?>> parameters() {
      return HeuristicModel.POSITION_PARAMETERS;
    }

    @Override
    public AttributionModel create(ModelParameters parameters) {
      return HeuristicModel.positionBased(parameters);
    }
  }

  /** Provides {@code j-shaped}. */
  public static final class JShaped implements AttributionModelProvider {
    /** The provider; {@link java.util.ServiceLoader} calls this. */
    public JShaped() {}

    @Override
    public String name() {
      return "j-shaped";
    }

    @Override
    public String description() {
      return "position-based 20/20/60 (two touches 25/75)";
    }

    @Override
    public AttributionModel create(ModelParameters parameters) {
      return HeuristicModel.jShaped();
    }
  }

  /** Provides {@code inverse-j}. */
  public static final class InverseJ implements AttributionModelProvider {
    /** The provider; {@link java.util.ServiceLoader} calls this. */
    public InverseJ() {}

    @Override
    public String name() {
      return "inverse-j";
    }

    @Override
    public String description() {
      return "position-based 60/20/20 (two touches 75/25)";
    }

    @Override
    public AttributionModel create(ModelParameters parameters) {
      return HeuristicModel.inverseJ();
    }
  }

  /** Provides {@code custom}, with parameters {@code first}, {@code middle}, {@code last}, all required. */
  public static final class Custom implements AttributionModelProvider {
    /** The provider; {@link java.util.ServiceLoader} calls this. */
    public Custom() {}

    @Override
    public String name() {
      return "custom";
    }

    @Override
    public String description() {
      return "position-based with the caller's first/middle/last weights";
    }

    @Override
    public List<ModelParameter<?>> parameters() {
      return HeuristicModel.CUSTOM_PARAMETERS;
    }

    @Override
    public AttributionModel create(ModelParameters parameters) {
      return HeuristicModel.custom(parameters);
    }
  }

  /** Provides {@code participation}. */
  public static final class Participation implements AttributionModelProvider {
    /** The provider; {@link java.util.ServiceLoader} calls this. */
    public Participation() {}

    @Override
    public String name() {
      return "participation";
    }

    @Override
    public String description() {
      return "full credit to every distinct channel of a path (not additive)";
    }

    @Override
    public AttributionModel create(ModelParameters parameters) {
      return HeuristicModel.participation();
    }
  }

  /** Provides {@code time-decay}, with parameter {@code half-life-days}. */
  public static final class TimeDecay implements AttributionModelProvider {
    /** The provider; {@link java.util.ServiceLoader} calls this. */
    public TimeDecay() {}

    @Override
    public String name() {
      return "time-decay";
    }

    @Override
    public String description() {
      return "weight 2^(-t/half-life) per touch, t the time to the conversion; needs touch times";
    }

    @Override
    public List<ModelParameter<?>> parameters() {
      return TimeDecayModel.PARAMETERS;
    }

    @Override
    public AttributionModel create(ModelParameters parameters) {
      return TimeDecayModel.fromParameters(parameters);
    }
  }

  /** Provides {@code w-shaped}. */
  public static final class WShaped implements AttributionModelProvider {
    /** The provider; {@link java.util.ServiceLoader} calls this. */
    public WShaped() {}

    @Override
    public String name() {
      return "w-shaped";
    }

    @Override
    public String description() {
      return "30 % each to the first, lead-creation and opportunity-creation touches, 10 % over the rest; needs touch types";
    }

    @Override
    public AttributionModel create(ModelParameters parameters) {
      return WShapedModel.create();
    }
  }
}
