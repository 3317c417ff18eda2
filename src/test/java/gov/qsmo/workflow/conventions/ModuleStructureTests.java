package gov.qsmo.workflow.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.QsmoWorkflowApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application's modules are its top-level packages (docs/adr/0015): no cycles between them, and
 * a module uses another only through that module's top-level package.
 */
class ModuleStructureTests {

  private static final ApplicationModules MODULES = ApplicationModules.of(QsmoWorkflowApplication.class);
  private static final Path SOURCES = Path.of("src/main/java/gov/qsmo/workflow");
  private static final Pattern REFERENCE = Pattern.compile("gov\\.qsmo\\.workflow\\.([a-z]+)\\.");

  @Test
  void modulesDependOnEachOtherOnlyThroughTheirApis() {
    MODULES.verify();
  }

  /**
   * The compiler copies constants (a process's keys, a role's group id) into the classes that use
   * them, so the compiled classes cannot show such a dependency: the sources' imports must be free
   * of cycles too.
   */
  @Test
  void sourcesImportNoModuleInACycle() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path relative = SOURCES.relativize(file);
        if (relative.getNameCount() < 2) {
          continue; // the application class and its configuration, above every module
        }
        String module = relative.getName(0).toString();
        Matcher matcher = REFERENCE.matcher(Files.readString(file));
        while (matcher.find()) {
          if (!matcher.group(1).equals(module)) {
            uses.computeIfAbsent(module, m -> new TreeSet<>()).add(matcher.group(1));
          }
        }
      }
    }
    List<String> cycles = new ArrayList<>();
    for (String module : uses.keySet()) {
      findCycle(module, module, uses, new ArrayList<>(List.of(module)), new TreeSet<>(), cycles);
    }
    assertThat(cycles).as("module cycles in the sources' imports; uses: %s", uses).isEmpty();
  }

  private static void findCycle(String start, String at, Map<String, Set<String>> uses, List<String> path,
      Set<String> seen, List<String> cycles) {
    for (String next : uses.getOrDefault(at, Set.of())) {
      if (next.equals(start)) {
        cycles.add(String.join(" -> ", path) + " -> " + start);
      } else if (seen.add(next)) {
        path.add(next);
        findCycle(start, next, uses, path, seen, cycles);
        path.remove(path.size() - 1);
      }
    }
  }

  /**
   * The component diagram and one canvas per module, in docs/modules/ (linked from the README). The
   * diagrams' relations are sorted, so that an unchanged structure leaves the files unchanged.
   */
  @Test
  void writesTheModuleDocumentation() throws IOException {
    Path folder = Path.of("docs/modules");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path diagram : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
        List<String> lines = new ArrayList<>(Files.readAllLines(diagram));
        List<String> relations = lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList();
        int next = 0;
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).startsWith("Rel(")) {
            lines.set(i, relations.get(next++));
          }
        }
        Files.write(diagram, lines);
      }
    }
    assertThat(folder.resolve("components.puml")).exists();
  }
}
