package com.example.attribution;

import java.util.List;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModelProvider;
import org.engagement.attribution.ModelParameter;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.ParameterType;

/**
 * A third party's model, written as a jar outside the SDK would write it (its own package, only the public
 * SPI) and listed in this module's test resources under {@code META-INF/services}, so the registry's
 * defaults find it by name with no code in the host.
 */
public final class SplitEndsProvider implements AttributionModelProvider {
  /** The share of each path's credit that goes to its first touch; the rest goes to its last touch. */
  public static final ModelParameter<Double> FIRST_SHARE = ModelParameter.optional("first-share",
      ParameterType.decimal(), 0.5, "the share of a path's credit that goes to its first touch")
      .withRule("must be from 0 to 1", share -> share >= 0 && share <= 1);

  @Override
  public String name() {
    return SplitEndsModel.NAME;
  }

  @Override
  public String description() {
    return "a share to the first touch of each path, the rest to its last touch";
  }

  @Override
  public List<ModelParameter<?>> parameters() {
    return List.of(FIRST_SHARE);
  }

  @Override
  public AttributionModel create(ModelParameters parameters) {
    return new SplitEndsModel(parameters.get(FIRST_SHARE));
  }
}
