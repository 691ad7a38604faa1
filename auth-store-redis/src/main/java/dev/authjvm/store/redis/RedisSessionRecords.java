package dev.authjvm.store.redis;

import dev.authjvm.core.store.SessionRecord;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The session records of {@link dev.authjvm.core.store.SessionRegistry} on Redis. A record is one JSON string
 * under {@code session-record:<id>}, expiring with it; sorted sets of record ids, scored by expiry, find them
 * by user ({@code user-session-records:<userId>}) and by provider ({@code provider-session-records:<provider>:sid:<sid>}
 * and {@code ...:sub:<subject>}). An index is written by a script on its own key alone (so the layout needs no
 * hash tags on a cluster) that drops expired members and makes the set expire with its last member, so memory
 * stays bounded. Members whose record is gone or has moved (saved again under other values) are dropped when a
 * lookup meets them.
 */
final class RedisSessionRecords {
  /** KEYS[1] the index; ARGV: the record id, its expiry and now, in epoch milliseconds. */
  private static final String INDEX = """
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
      redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
      local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
      redis.call('PEXPIREAT', KEYS[1], last[2])
      return 1
      """;

  private final RedisClusterCommands<String, String> redis;
  private final String prefix;

  RedisSessionRecords(RedisClusterCommands<String, String> redis, String prefix) {
    this.redis = redis;
    this.prefix = prefix;
  }

  private String recordKey(String id) {
    return prefix + "session-record:" + id;
  }

  String userIndex(String userId) {
    return prefix + "user-session-records:" + userId;
  }

  private String sidIndex(String provider, String providerSessionId) {
    return prefix + "provider-session-records:" + provider + ":sid:" + providerSessionId;
  }

  private String subjectIndex(String provider, String providerSubject) {
    return prefix + "provider-session-records:" + provider + ":sub:" + providerSubject;
  }

  void save(SessionRecord record) {
    Instant now = Instant.now();
    if (!record.expires().isAfter(now)) {
      redis.del(recordKey(record.id()));
      return;
    }
    redis.set(recordKey(record.id()), RecordCodec.sessionRecord(record), SetArgs.Builder.pxAt(record.expires()));
    indexAll(record, now);
  }

  /** {@code SET ... XX}: a record that a revocation deleted, or that expired, is not written again. */
  boolean replace(SessionRecord record) {
    Instant now = Instant.now();
    if (!record.expires().isAfter(now)) {
      return redis.del(recordKey(record.id())) == 1;
    }
    if (redis.set(recordKey(record.id()), RecordCodec.sessionRecord(record),
        SetArgs.Builder.pxAt(record.expires()).xx()) == null) {
      return false;
    }
    indexAll(record, now);
    return true;
  }

  private void indexAll(SessionRecord record, Instant now) {
    index(userIndex(record.userId()), record, now);
    if (record.provider() != null && record.providerSessionId() != null) {
      index(sidIndex(record.provider(), record.providerSessionId()), record, now);
    }
    if (record.provider() != null && record.providerSubject() != null) {
      index(subjectIndex(record.provider(), record.providerSubject()), record, now);
    }
  }

  private void index(String key, SessionRecord record, Instant now) {
    redis.eval(INDEX, ScriptOutputType.INTEGER, new String[] {key}, record.id(),
        Long.toString(record.expires().toEpochMilli()), Long.toString(now.toEpochMilli()));
  }

  Optional<SessionRecord> find(String id) {
    Instant now = Instant.now();
    return Optional.ofNullable(redis.get(recordKey(id))).map(RecordCodec::sessionRecord)
        .filter(r -> r.expires().isAfter(now));
  }

  List<SessionRecord> list(String userId) {
    return lookUp(userIndex(userId), r -> r.userId().equals(userId));
  }

  List<SessionRecord> byProvider(String provider, String providerSubject, String providerSessionId) {
    if (providerSessionId != null) {
      return lookUp(sidIndex(provider, providerSessionId),
          r -> provider.equals(r.provider()) && providerSessionId.equals(r.providerSessionId()));
    }
    if (providerSubject == null) {
      return List.of();
    }
    return lookUp(subjectIndex(provider, providerSubject),
        r -> provider.equals(r.provider()) && providerSubject.equals(r.providerSubject()));
  }

  /** The unexpired records in an index that still belong there; the others leave it. */
  private List<SessionRecord> lookUp(String index, Predicate<SessionRecord> belongs) {
    long now = Instant.now().toEpochMilli();
    redis.zremrangebyscore(index, Range.create(Double.NEGATIVE_INFINITY, (double) now));
    List<SessionRecord> found = new ArrayList<>();
    for (String id : redis.zrangebyscore(index, Range.unbounded())) {
      Optional<SessionRecord> record = find(id).filter(belongs);
      if (record.isPresent()) {
        found.add(record.get());
      } else {
        redis.zrem(index, id);
      }
    }
    return found;
  }

  Optional<SessionRecord> delete(String id) {
    Optional<SessionRecord> deleted = Optional.ofNullable(redis.getdel(recordKey(id))).map(RecordCodec::sessionRecord);
    deleted.ifPresent(r -> {
      redis.zrem(userIndex(r.userId()), id);
      if (r.provider() != null && r.providerSessionId() != null) {
        redis.zrem(sidIndex(r.provider(), r.providerSessionId()), id);
      }
      if (r.provider() != null && r.providerSubject() != null) {
        redis.zrem(subjectIndex(r.provider(), r.providerSubject()), id);
      }
    });
    return deleted;
  }

  /** Deletes every record of the user; their provider index entries go when a lookup meets them. */
  void deleteAllOf(String userId) {
    for (String id : redis.zrange(userIndex(userId), 0, -1)) {
      find(id).filter(r -> Objects.equals(r.userId(), userId)).ifPresent(r -> redis.del(recordKey(id)));
    }
    redis.del(userIndex(userId));
  }
}
