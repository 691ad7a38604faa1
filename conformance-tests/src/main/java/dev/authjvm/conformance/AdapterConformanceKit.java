package dev.authjvm.conformance;

/**
 * The adapter conformance kit: black-box checks over real HTTP of everything an adapter must get
 * right to serve the Auth.js protocol, grouped by the sections of the spec.
 *
 * <p>To check your adapter, extend this class and implement the two obligations:
 * <pre>{@code
 * class MyAdapterConformanceTest extends AdapterConformanceKit {
 *   private MyServer server;
 *
 *   @Override protected URI start(AuthConfig config) {
 *     server = MyServer.start(0, Auth.create(config));      // mount at config.basePath()
 *     return URI.create("http://127.0.0.1:" + server.port());
 *   }
 *
 *   @Override protected void stop() { server.stop(); }
 * }
 * }</pre>
 * The kit starts your adapter once per section, with the configuration that section needs.
 */
public abstract class AdapterConformanceKit extends V4Checks {}
