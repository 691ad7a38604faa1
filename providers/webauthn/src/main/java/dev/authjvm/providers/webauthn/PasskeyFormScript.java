package dev.authjvm.providers.webauthn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sign-in page's passkey script, bundled into this jar by the build (js/bundle.mjs). */
final class PasskeyFormScript {
  private static final Logger LOG = LoggerFactory.getLogger(PasskeyFormScript.class);
  private static final Optional<String> TEXT = load();

  private PasskeyFormScript() {}

  static Optional<String> text() {
    return TEXT;
  }

  private static Optional<String> load() {
    try (InputStream in = PasskeyFormScript.class.getResourceAsStream("passkey-form.js")) {
      if (in == null) {
        // Only a build that skipped the bundling step (an IDE's) lacks it; sign-ins through the client still work.
        LOG.warn("passkey-form.js is missing from auth-provider-webauthn: the built-in sign-in page shows no passkey form");
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
