package dev.authjvm.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.store.CounterStore;
import dev.authjvm.core.store.InMemoryAuthStore;
import dev.authjvm.core.store.SessionRecord;
import dev.authjvm.core.store.SessionRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A session revoked by another instance between this instance's read of its record and the write noting
 * when it was last seen stays revoked: the late write does not bring the record back.
 */
class SessionRevocationRaceTest {
  final MutableClock clock = new MutableClock();
  final InMemoryAuthStore shared = new InMemoryAuthStore(clock);
  volatile boolean revokeRightAfterTheNextRead;

  /** The shared store as this instance sees it, with another instance's revocation landing just after a read. */
  AuthStore racingStore() {
    return (AuthStore) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {AuthStore.class, SessionRegistry.class, CounterStore.class}, (proxy, method, args) -> {
          Object result;
          try {
            result = method.invoke(shared, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (method.getName().equals("findSessionRecord") && revokeRightAfterTheNextRead
              && result instanceof Optional<?> found && found.isPresent()) {
            revokeRightAfterTheNextRead = false;
            SessionRecord record = (SessionRecord) found.get();
            shared.deleteSessionRecord(record.id());
            if (record.sessionToken() != null) {
              shared.deleteSession(record.sessionToken());
            }
          }
          return result;
        });
  }

  @ParameterizedTest
  @EnumSource(SessionStrategy.class)
  void aRevocationBetweenTheReadAndTheSeenWriteStands(SessionStrategy strategy) {
    Auth auth = Auth.create(AuthConfig.builder().secret(AuthFixtures.SECRET).environment(Environment.of(Map.of()))
        .discoverProviders(false).provider(SessionManagementTest.anyUser()).clock(clock).sessionStrategy(strategy).credentialsDatabaseSessions(true)
        .store(racingStore()).build());
    TestBrowser browser = new TestBrowser(auth, "http://localhost");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrfToken", browser.csrfToken());
    form.put("username", "ana");
    form.put("password", "pw");
    browser.post("/api/auth/callback/credentials", form, "X-Auth-Return-Redirect", "1");
    assertEquals(1, shared.listSessionRecords("ana").size());

    // Long enough since the last write that this read writes when the session was seen.
    clock.advance(Duration.ofMinutes(10));
    revokeRightAfterTheNextRead = true;
    browser.get("/api/auth/session");

    assertTrue(shared.listSessionRecords("ana").isEmpty(), "the revoked session's record came back");
    assertEquals("null", browser.get("/api/auth/session").bodyText());
  }
}
