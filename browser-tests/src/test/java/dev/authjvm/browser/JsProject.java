package dev.authjvm.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JavaScript half in {@code js/}: installs its packages from the lockfile when they are missing,
 * bundles one page per client version, and runs the browser checks against a server, reading back one
 * {@link Cell} per version and call.
 */
final class JsProject {
  private final Path dir;
  private final Path target;

  JsProject(Path dir, Path target) {
    this.dir = dir.toAbsolutePath();
    this.target = target.toAbsolutePath();
  }

  /** The project in this module's {@code js/}, writing into {@code target/}. */
  static JsProject inThisModule() {
    return new JsProject(Path.of("js"), Path.of("target"));
  }

  /** {@link #install()}, then {@link #bundle()}: the folder of pages to serve. */
  Path installAndBundle() throws IOException, InterruptedException {
    install();
    return bundle();
  }

  /** {@code npm ci} only when node_modules is missing: the lockfile pins every version. */
  private void install() throws IOException, InterruptedException {
    if (!Files.isDirectory(dir.resolve("node_modules"))) {
      run(Duration.ofMinutes(5), "npm-ci.log", "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
    }
  }

  /** Bundles the pages into a folder the server serves at its root; returns that folder. */
  private Path bundle() throws IOException, InterruptedException {
    Path pages = target.resolve("browser-pages");
    run(Duration.ofMinutes(2), "bundle.log", "node", "bundle.mjs", pages.toString());
    return pages;
  }

  /** Runs every check in Chromium against the server; a failing cell does not fail this call. */
  List<Cell> check(String origin) throws IOException, InterruptedException {
    return check(origin, "browser", List.of());
  }

  /**
   * Runs the checks that {@code only} selects (arguments of run.mjs such as {@code --versions v5}),
   * writing {@code <run>-results.json} and {@code <run>-run.log} in the target folder.
   */
  List<Cell> check(String origin, String run, List<String> only) throws IOException, InterruptedException {
    Path results = target.resolve(run + "-results.json");
    Files.deleteIfExists(results);
    List<String> command = new ArrayList<>(List.of("node", "run.mjs", "--base-url", origin,
        "--out", results.toString(), "--screenshots", target.resolve("screenshots").toString(),
        "--chromium", Tools.CHROMIUM.toString()));
    command.addAll(only);
    runAllowingFailures(Duration.ofMinutes(10), run + "-run.log", command.toArray(String[]::new));
    if (!Files.exists(results)) {
      throw new IllegalStateException("the browser run wrote no results; see " + target.resolve(run + "-run.log"));
    }
    List<Cell> cells = new ArrayList<>();
    for (JsonNode r : new ObjectMapper().readTree(results.toFile()).path("results")) {
      cells.add(new Cell(r.path("version").asText(), r.path("call").asText(), r.path("ok").asBoolean(),
          r.path("detail").asText()));
    }
    return cells;
  }

  private void run(Duration limit, String log, String... command) throws IOException, InterruptedException {
    int status = runAllowingFailures(limit, log, command);
    if (status != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed (" + status + "): "
          + Files.readString(target.resolve(log)));
    }
  }

  private int runAllowingFailures(Duration limit, String log, String... command)
      throws IOException, InterruptedException {
    Files.createDirectories(target);
    File logFile = target.resolve(log).toFile();
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(logFile).start();
    if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " took longer than " + limit + "; see " + logFile);
    }
    return p.exitValue();
  }

  /** One version × call of the compatibility table. */
  record Cell(String version, String call, boolean ok, String detail) {}
}
