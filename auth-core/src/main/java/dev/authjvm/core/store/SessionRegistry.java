package dev.authjvm.core.store;

import java.util.List;
import java.util.Optional;

/**
 * A store that also keeps a record of every session, so that sessions can be listed and revoked, JWT
 * sessions included: a JWT session whose record is gone is over. Records whose {@code expires} has passed
 * are never returned and are removed in the background. Implementations are thread-safe and report
 * failures as {@link StoreException}.
 */
public interface SessionRegistry {
  /** Stores the record, replacing one with the same id. */
  void saveSessionRecord(SessionRecord record);

  /**
   * Replaces the record with the same id only while that one exists unexpired, and says whether it did. The
   * core writes an existing session's record this way (when it was last seen, a server-side update), so a
   * write that loses a race with a revocation never brings the session back.
   */
  boolean replaceSessionRecord(SessionRecord record);

  /** The unexpired record with this id. */
  Optional<SessionRecord> findSessionRecord(String id);

  /** Every unexpired record of the user, in no particular order. */
  List<SessionRecord> listSessionRecords(String userId);

  /**
   * The unexpired records of sessions signed in with {@code provider}: those with this provider session id
   * when it is not {@code null}, else those of this provider subject.
   */
  List<SessionRecord> findSessionRecordsByProvider(String provider, String providerSubject, String providerSessionId);

  /** Removes the record and returns it, if there was one. */
  Optional<SessionRecord> deleteSessionRecord(String id);
}
