package org.engagement.attribution.shapley;

import java.util.List;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModelProvider;
import org.engagement.attribution.ModelParameter;
import org.engagement.attribution.ModelParameters;

/**
 * The providers of the Shapley models: {@code shapley}, {@code shapley-simplified}, {@code shapley-ordered}
 * and {@code shao-li}, one nested class each, listed as {@link java.util.ServiceLoader} services so the
 * registry's defaults hold them. {@link #all()} gives them to a host that builds an explicit registry.
 *
 * <p>The providers are immutable and thread-safe; constructing one loads no model class.
 *
 * @since 0.1.0
 */
public final class ShapleyModelProviders {
  private ShapleyModelProviders() {}

  /** A new instance of every provider of this class. */
  public static List<AttributionModelProvider> all() {
    return List.of(new Shapley(), new Simplified(), new Ordered(), new ShaoLi());
  }

  /**
   * Provides {@link ShapleyModel}, with parameters {@code samples}, {@code seed}, {@code exact-up-to},
   * {@code worth} and {@code max-work}.
   */
  public static final class Shapley implements AttributionModelProvider {
    /** The provider; {@link java.util.ServiceLoader} calls this. */
    public Shapley() {}

    @Override
    public String name() {
      return ShapleyModel.NAME;
    }

    @Override
    public String description() {
      return "general Shapley value of the conversion-rate game: exact up to 20 channels, sampled beyond";
    }

    @Override
    public List<ModelParameter<?>> parameters() {
      return ShapleyModel.PARAMETERS;
    }

    @Override
    public AttributionModel create(ModelParameters parameters) {
      return ShapleyModel.fromParameters(parameters);
    }
  }

  /** Provides {@link SimplifiedShapleyModel}. */
  public static final class Simplified implements AttributionModelProvider {
    /** The provider; {@link java.util.ServiceLoader} calls this. */
    public Simplified() {}

    @Override
    public String name() {
      return SimplifiedShapleyModel.NAME;
    }

    @Override
    public String description() {
      return "Zhao's simplified Shapley value: each path split equally over its distinct channels";
    }

    @Override
    public AttributionModel create(ModelParameters parameters) {
      return SimplifiedShapleyModel.create();
    }
  }

  /** Provides {@link OrderedShapleyModel}. */
  public static final class Ordered implements AttributionModelProvider {
    /** The provider; {@link java.util.ServiceLoader} calls this. */
    public Ordered() {}

    @Override
    public String name() {
      return OrderedShapleyModel.NAME;
    }

    @Override
    public String description() {
      return "Zhao's ordered Shapley value: credit by channel and touch position";
    }

    @Override
    public AttributionModel create(ModelParameters parameters) {
      return OrderedShapleyModel.create();
    }
  }

  /** Provides {@link ShaoLiModel}, with parameter {@code max-work}. */
  public static final class ShaoLi implements AttributionModelProvider {
    /** The provider; {@link java.util.ServiceLoader} calls this. */
    public ShaoLi() {}

    @Override
    public String name() {
      return ShaoLiModel.NAME;
    }

    @Override
    public String description() {
      return "Shao and Li's simple probabilistic model: single and pairwise conversion rates";
    }

    @Override
    public List<ModelParameter<?>> parameters() {
      return ShaoLiModel.PARAMETERS;
    }

    @Override
    public AttributionModel create(ModelParameters parameters) {
      return ShaoLiModel.fromParameters(parameters);
    }
  }
}
