package dev.authjvm.conformance;

import dev.authjvm.core.Auth;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.SetCookie;
import java.net.URI;

/**
 * A deliberately broken adapter, run by {@link BrokenAdapterTest} (its name keeps Surefire from running
 * it directly): it drops the {@code HttpOnly} attribute of every cookie and the {@code Cache-Control}
 * header, two mistakes an adapter could make when copying a response.
 */
class BrokenAdapterFixture extends AdapterConformanceKit {
  private JdkHttpServerAdapter adapter;

  @Override
  protected URI start(AuthConfig config) throws Exception {
    adapter = new JdkHttpServerAdapter(Auth.create(config), BrokenAdapterFixture::breakResponse);
    return URI.create("http://127.0.0.1:" + adapter.port());
  }

  @Override
  protected void stop() {
    adapter.stop();
  }

  private static AuthResponse breakResponse(AuthResponse r) {
    return new AuthResponse(r.status(), r.headers().toBuilder().remove("Cache-Control").build(),
        r.cookies().stream().map(c -> new SetCookie(c.name(), c.value(), c.path(), c.expires(), c.maxAge(), false,
            c.secure(), c.sameSite())).toList(),
        r.body());
  }
}
