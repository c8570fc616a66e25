package org.engagement.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The small world bundled on the class path under {@value #RESOURCE_DIRECTORY}: the eleven files of
 * {@link WorldWriter} for {@link #spec()} (5,000 people over 24 months in the
 * {@linkplain WorldMechanism#ADDITIVE additive} mechanism with heterogeneous buyers ({@link RepeatBuying}),
 * about 27,000 interactions, 760 buyers and 3,100 conversation rows, 3.0 MB; no holdouts, so
 * {@code holdout.csv} has its header only).
 *
 * <p>The files are generated, never edited: a test compares them byte for byte with what
 * {@link WorldWriter} writes for {@link #spec()}. After changing the generator or the spec, regenerate them
 * by running that test ({@code SampleWorldTest}) with {@code -Dworld.regenerate=true}, which rewrites them in
 * place before comparing, or with {@code engagement.jar world --output <the resource folder> --customers 5000
 * --seed 20240101}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class SampleWorld {
  /** The class-path folder of the bundled files. */
  public static final String RESOURCE_DIRECTORY = "/org/engagement/simulator/world/";
  /** The folder of the bundled files in the source tree, relative to the repository root. */
  public static final String SOURCE_DIRECTORY =
      "engagement-simulator/src/main/resources/org/engagement/simulator/world";
  /** The seed of the bundled world. */
  public static final long SEED = 20_240_101L;

  private SampleWorld() {}

  /** The spec of the bundled world: the defaults of {@link WorldSpec} with seed {@value #SEED}. */
  public static WorldSpec spec() {
    return WorldSpec.builder().seed(SEED).customers(5_000).build();
  }

  /**
   * Opens one bundled file.
   *
   * @param file one of {@link WorldWriter#FILES}
   * @throws IllegalArgumentException if {@code file} is not one of them
   * @throws IllegalStateException if the file is missing from the class path
   */
  public static InputStream open(String file) {
    if (!WorldWriter.FILES.contains(file)) {
      throw new IllegalArgumentException("no bundled world file '" + file + "'; there are " + WorldWriter.FILES);
    }
    InputStream in = SampleWorld.class.getResourceAsStream(RESOURCE_DIRECTORY + file);
    if (in == null) {
      throw new IllegalStateException("the bundled world file " + RESOURCE_DIRECTORY + file + " is missing");
    }
    return in;
  }

}
