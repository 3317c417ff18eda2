package gov.qsmo.workflow.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The production jar (built by {@code ./mvnw verify} before the integration tests) holds the
 * application and none of the demo: no demo class, no demo configuration, no test code.
 */
class PackagedJarIT {

  @Test
  void holdsNoDemoClassOrDemoConfiguration() throws IOException {
    Path jar = packagedJar();
    List<String> entries;
    try (JarFile file = new JarFile(jar.toFile())) {
      entries = file.stream().map(ZipEntry::getName).toList();
    }
    assertThat(entries).as("the application itself, in " + jar)
        .contains("BOOT-INF/classes/gov/qsmo/workflow/QsmoWorkflowApplication.class",
            "BOOT-INF/classes/application.yaml");
    assertThat(entries).as("demo classes and configuration in %s (left over in target/classes from an earlier "
        + "build? ./mvnw clean verify)", jar)
        .filteredOn(name -> name.startsWith("BOOT-INF/classes/") && !name.endsWith("/"))
        .noneMatch(name -> name.startsWith("BOOT-INF/classes/gov/qsmo/workflow/demo/"))
        .noneMatch(name -> name.toLowerCase().contains("demo"))
        .noneMatch(name -> name.contains("TestQsmoWorkflowApplication") || name.contains("EmbeddedPostgres"));
  }

  private static Path packagedJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      List<Path> jars = files.filter(f -> f.getFileName().toString().matches("qsmo-workflow-.*\\.jar")).toList();
      assertThat(jars).as("the packaged jar in target/ (./mvnw verify builds it before the integration tests)")
          .hasSize(1);
      return jars.get(0);
    }
  }
}
