package org.engagement.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.engagement.attribution.hazard.AdditiveHazardModel;
import org.engagement.attribution.hazard.AdditiveHazardModelProvider;
import org.engagement.attribution.hazard.ExposureHazardModel;
import org.engagement.attribution.hazard.ExposureHazardModelProvider;
import org.engagement.attribution.hazard.InteractionHazardModel;
import org.engagement.attribution.hazard.InteractionHazardModelProvider;
import org.engagement.attribution.heuristic.HeuristicModel;
import org.engagement.attribution.heuristic.HeuristicModelProviders;
import org.engagement.attribution.heuristic.TimeDecayModel;
import org.engagement.attribution.heuristic.WShapedModel;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.ToyPaths;
import org.engagement.attribution.markov.MarkovModel;
import org.engagement.attribution.markov.MarkovModelProvider;
import org.engagement.attribution.shapley.OrderedShapleyModel;
import org.engagement.attribution.shapley.ShaoLiModel;
import org.engagement.attribution.shapley.ShapleyModel;
import org.engagement.attribution.shapley.ShapleyModelProviders;
import org.engagement.attribution.shapley.SimplifiedShapleyModel;
import org.engagement.attribution.validation.RecommendedModel;
import org.engagement.attribution.validation.RecommendedModelProvider;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link AttributionModels} finds providers: on the class path, by name, lazily, one per name. */
class AttributionModelDiscoveryTest {

  /**
   * {@code split-ends} is a third party's model (package {@code com.example.attribution}) that the test
   * resources list as a service. On the toy paths with the default first share 1/2: A is first on A>B>C (2)
   * and A>A>B (3), so 2.5; B is last on A>A>B and first on B>C and B>A>C, so 1.5 + 0.5 + 0.5 = 2.5; C is
   * last on A>B>C, B>C, B>A>C and both ends of C, so 1 + 0.5 + 0.5 + 1 = 3.
   */
  @Test
  void defaultsFindAThirdPartyModelOnTheClassPathByName() {
    AttributionModels models = AttributionModels.defaults();
    assertThat(models.names()).contains("split-ends", "first-touch", "markov", "shapley");
    assertThat(models.discoveryFailures())
        .as("the badly named provider listed in the test resources is skipped, not fatal").isEqualTo(1);
    JourneySet toy = ToyPaths.toy();
    AttributionResult half = models.create("split-ends").attribute(toy);
    assertThat(half.conversions("A")).isEqualTo(2.5);
    assertThat(half.conversions("B")).isEqualTo(2.5);
    assertThat(half.conversions("C")).isEqualTo(3);
    assertThat(half.value("A") + half.value("B") + half.value("C")).isCloseTo(92, within(1e-9));

    // A quarter to the first touch: A 0.25 * 5, B 0.75 * 3 + 0.25 * 2, C the rest of 8.
    AttributionModel fromText = models.create("split-ends", ModelParameters.of(Map.of("first-share", "0.25")));
    assertThat(fromText.attribute(toy).conversions("A")).isEqualTo(1.25);
    assertThat(fromText.attribute(toy).conversions("B")).isEqualTo(2.75);
    assertThat(fromText.attribute(toy).conversions("C")).isEqualTo(4);
    AttributionModel typed = models.create("split-ends", ModelParameters.of(Map.of("first-share", 0.25)));
    assertThat(typed.parameters()).isEqualTo(fromText.parameters());
    assertThat(typed.parameters().asText()).containsExactly(Map.entry("first-share", "0.25"));

    assertThatThrownBy(() -> models.create("split-ends", ModelParameters.of(Map.of("first-share", "1.5"))))
        .isInstanceOf(InvalidFieldException.class).hasMessage("first-share '1.5' is invalid: must be from 0 to 1");
    assertThatThrownBy(() -> models.create("split-ends", ModelParameters.of(Map.of("first", "0.3"))))
        .hasMessage("parameter 'first' is invalid: is not a parameter of this model; known: [first-share]");
    AttributionModelProvider provider = models.provider("split-ends");
    assertThat(provider.description()).contains("first touch");
    assertThat(provider.parameters()).extracting(ModelParameter::name).containsExactly("first-share");
  }

  /** The service file lists the providers of the catalogs, and nothing else of this module. */
  @Test
  void theBuiltInProvidersAreThoseOfTheCatalogs() {
    AttributionModels catalogs = AttributionModels.builder().registerAll(HeuristicModelProviders.all())
        .register(new MarkovModelProvider()).registerAll(ShapleyModelProviders.all())
        .register(new RecommendedModelProvider()).register(new AdditiveHazardModelProvider())
        .register(new InteractionHazardModelProvider()).register(new ExposureHazardModelProvider()).build();
    Set<String> discovered = new TreeSet<>(AttributionModels.defaults().names());
    discovered.remove("split-ends");
    assertThat(catalogs.names()).containsExactlyElementsOf(discovered);
    for (String name : catalogs.names()) {
      assertThat(AttributionModels.defaults().provider(name).getClass()).as(name)
          .isEqualTo(catalogs.provider(name).getClass());
    }
  }

  @Test
  void discoveryLoadsNoModelClassUntilAModelIsCreated() throws Exception {
    List<String> modelClasses = List.of(HeuristicModel.class.getName(), TimeDecayModel.class.getName(),
        WShapedModel.class.getName(), MarkovModel.class.getName(), ShapleyModel.class.getName(),
        SimplifiedShapleyModel.class.getName(), OrderedShapleyModel.class.getName(), ShaoLiModel.class.getName(),
        RecommendedModel.class.getName(), AdditiveHazardModel.class.getName(),
        InteractionHazardModel.class.getName(), ExposureHazardModel.class.getName());
    try (Isolated loader = Isolated.overClassPath()) {
      Class<?> registry = Class.forName(AttributionModels.class.getName(), true, loader);
      Object models = registry.getMethod("defaults").invoke(null);
      assertThat((Set<?>) registry.getMethod("names").invoke(models)).hasSize(22);
      for (String name : modelClasses) {
        assertThat(loader.loaded(name)).as(name).isFalse();
      }
      registry.getMethod("create", String.class).invoke(models, "markov");
      assertThat(loader.loaded(MarkovModel.class.getName())).isTrue();
      assertThat(loader.loaded(ShapleyModel.class.getName())).isFalse();
    }
  }

  @Test
  void twoDiscoveredProvidersWithOneNameFailNamingBoth(@TempDir Path dir) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve(AttributionModelProvider.class.getName()),
        ImpostorMarkov.class.getName() + "\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      AttributionModels.Builder builder = AttributionModels.builder();
      assertThatThrownBy(() -> builder.discover(loader))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("two discovered attribution model providers are named 'markov'")
          .hasMessageContaining(MarkovModelProvider.class.getName())
          .hasMessageContaining(ImpostorMarkov.class.getName());
    }
  }

  @Test
  void anExplicitProviderReplacesADiscoveredOneButNotAnotherExplicitOne() {
    ImpostorMarkov impostor = new ImpostorMarkov();
    AttributionModels models = AttributionModels.builder().discover().register(impostor).build();
    assertThat(models.provider("markov")).isSameAs(impostor);
    assertThat(models.create("markov")).isSameAs(ImpostorMarkov.MODEL);
    AttributionModels.Builder builder = AttributionModels.builder().register(new MarkovModelProvider());
    assertThatThrownBy(() -> builder.register(impostor))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("an attribution model named 'markov' is already registered by "
            + MarkovModelProvider.class.getName() + "; cannot register " + ImpostorMarkov.class.getName());
  }

  @Test
  void aProviderMustMakeTheModelItIsNamedFor() {
    AttributionModelProvider liar = new AttributionModelProvider() {
      @Override
      public String name() {
        return "honest";
      }

      @Override
      public String description() {
        return "makes a model of another name";
      }

      @Override
      public AttributionModel create(ModelParameters parameters) {
        return HeuristicModel.firstTouch();
      }
    };
    AttributionModels models = AttributionModels.builder().register(liar).build();
    assertThatThrownBy(() -> models.create("honest")).isInstanceOf(IllegalStateException.class)
        .hasMessageEndingWith("for 'honest' made a model named 'first-touch'");
  }

  /**
   * Every model reports parameters that make it again, typed or as text; every parameter it reports is one
   * its provider declares.
   */
  @Test
  void everyModelsParametersMakeItAgain() {
    AttributionModels models = AttributionModels.defaults();
    for (String name : models.names()) {
      ModelParameters given = name.equals("custom")
          ? ModelParameters.of(Map.of("first", "1", "middle", "2", "last", "3")) : ModelParameters.none();
      AttributionModel model = models.create(name, given);
      ModelParameters reported = model.parameters();
      assertThat(models.create(name, reported).parameters()).as(name).isEqualTo(reported);
      assertThat(models.create(name, ModelParameters.of(reported.asText())).parameters()).as(name)
          .isEqualTo(reported);
      List<String> declared = new ArrayList<>();
      models.provider(name).parameters().forEach(p -> declared.add(p.name()));
      assertThat(declared).as(name).containsAll(reported.asMap().keySet());
    }
  }

  /** Listed in the test resources' service file to show that a badly named provider is skipped. */
  public static final class BadlyNamedProvider implements AttributionModelProvider {
    @Override
    public String name() {
      return "Not A Valid Name";
    }

    @Override
    public String description() {
      return "never made";
    }

    @Override
    public AttributionModel create(ModelParameters parameters) {
      throw new UnsupportedOperationException("never made");
    }
  }

  /** A second provider named {@code markov}. */
  public static final class ImpostorMarkov implements AttributionModelProvider {
    static final AttributionModel MODEL = MarkovModel.of(2, false);

    @Override
    public String name() {
      return "markov";
    }

    @Override
    public String description() {
      return "second-order Markov, whatever the parameters";
    }

    @Override
    public AttributionModel create(ModelParameters parameters) {
      return MODEL;
    }
  }

  /** A class loader over the test class path that shares nothing with this one but the JDK. */
  private static final class Isolated extends URLClassLoader {
    private Isolated(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    static Isolated overClassPath() throws MalformedURLException {
      List<URL> urls = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator, -1)) {
        if (!entry.isEmpty()) {
          urls.add(new File(entry).toURI().toURL());
        }
      }
      return new Isolated(urls.toArray(new URL[0]));
    }

    boolean loaded(String name) {
      return findLoadedClass(name) != null;
    }
  }
}
