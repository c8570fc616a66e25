package org.engagement.integration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bill of materials lists every published module at the project's version, and nothing else; every
 * module of the build is either published or listed as unpublished on purpose, so a new module forces
 * the choice.
 */
class BomTest {
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

  @Test
  void theBomListsEveryPublishedModuleAtTheProjectVersion() throws IOException {
    String parent = read("pom.xml");
    String bom = read("engagement-bom/pom.xml");
    String version = element(parent.substring(parent.indexOf("<artifactId>engagement-parent</artifactId>")),
        "version");
    assertThat(element(bom.substring(bom.indexOf("<artifactId>engagement-bom</artifactId>")), "version"))
        .as("the BOM's own version").isEqualTo(version);

    String managed = bom.substring(bom.indexOf("<dependencyManagement>"), bom.indexOf("</dependencyManagement>"));
    List<String> listed = new ArrayList<>();
    Matcher dependency = DEPENDENCY.matcher(managed);
    while (dependency.find()) {
      String entry = dependency.group(1);
      String artifact = element(entry, "artifactId");
      assertThat(element(entry, "groupId")).as("groupId of %s", artifact).isEqualTo("org.engagement");
      assertThat(element(entry, "version")).as("version of %s", artifact).isIn("${project.version}", version);
      listed.add(artifact);
    }
    assertThat(listed).containsExactlyInAnyOrderElementsOf(
        PublishedModule.ALL.stream().map(PublishedModule::artifactId).toList());
  }

  @Test
  void everyModuleOfTheBuildIsPublishedOrUnpublishedOnPurpose() throws IOException {
    List<String> modules = new ArrayList<>();
    Matcher module = MODULE.matcher(read("pom.xml"));
    while (module.find()) {
      modules.add(module.group(1));
    }
    List<String> known = new ArrayList<>(PublishedModule.UNPUBLISHED);
    PublishedModule.ALL.forEach(published -> known.add(published.artifactId()));
    assertThat(modules).containsExactlyInAnyOrderElementsOf(known);
  }

  private static String read(String relative) throws IOException {
    String root = System.getProperty("engagement.root");
    assertThat(root).as("system property engagement.root, set by the Surefire configuration").isNotBlank();
    return Files.readString(Path.of(root, relative), UTF_8);
  }

  private static String element(String xml, String name) {
    Matcher matcher = Pattern.compile("<" + name + ">\\s*([^<]*?)\\s*</" + name + ">").matcher(xml);
    assertThat(matcher.find()).as("<%s> in %s", name, xml.substring(0, Math.min(80, xml.length()))).isTrue();
    return matcher.group(1);
  }
}
