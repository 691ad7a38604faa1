package dev.authjvm.store.redis;

import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.store.StoreException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures a {@link RedisAuthStore}. During an outage commands fail at once on a standalone Redis
 * (after the command timeout on a cluster) and the connection retries every few hundred milliseconds, up to every two
 * seconds, so requests get a clean error while Redis is away and succeed as soon as it is back.
 */
public final class RedisStoreBuilder {
  private final String url;
  private boolean cluster;
  private String keyPrefix = "authjs:";
  private Duration commandTimeout = Duration.ofSeconds(2);

  RedisStoreBuilder(String url) {
    this.url = Objects.requireNonNull(url, "url");
  }

  /** Connects to a Redis Cluster; {@code url} is any of its nodes. */
  public RedisStoreBuilder cluster(boolean cluster) {
    this.cluster = cluster;
    return this;
  }

  /** Prefix of every key (default {@code authjs:}), so several applications can share a Redis. */
  public RedisStoreBuilder keyPrefix(String keyPrefix) {
    this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    return this;
  }

  /** How long one command may take before the request fails (default 2 s). */
  public RedisStoreBuilder commandTimeout(Duration commandTimeout) {
    if (commandTimeout.isNegative() || commandTimeout.isZero()) {
      throw new ConfigurationException("the Redis command timeout must be positive, not " + commandTimeout);
    }
    this.commandTimeout = commandTimeout;
    return this;
  }

  /**
   * Connects; fails when Redis cannot be reached now.
   *
   * @throws StoreException when the connection fails
   */
  public RedisAuthStore build() {
    RedisURI uri;
    try {
      uri = RedisURI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("not a Redis URL: '" + url + "' (expected redis://host:port/db): " + e.getMessage());
    }
    uri.setTimeout(commandTimeout);
    ClientResources resources = ClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, java.util.concurrent.TimeUnit.MILLISECONDS))
        .build();
    TimeoutOptions timeouts = TimeoutOptions.enabled(commandTimeout);
    try {
      if (cluster) {
        RedisClusterClient client = RedisClusterClient.create(resources, uri);
        // Not REJECT_COMMANDS here: the cluster client connects to each node on first use, and a command
        // for a node still connecting must wait for it. During an outage commands fail after the timeout.
        client.setOptions(ClusterClientOptions.builder().timeoutOptions(timeouts).build());
        StatefulRedisClusterConnection<String, String> connection = client.connect();
        return new RedisAuthStore(connection.sync(), keyPrefix, () -> {
          connection.close();
          client.shutdown();
          resources.shutdown();
        }, false);
      }
      RedisClient client = RedisClient.create(resources, uri);
      client.setOptions(ClientOptions.builder().timeoutOptions(timeouts)
          .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
      StatefulRedisConnection<String, String> connection = client.connect();
      return new RedisAuthStore(connection.sync(), keyPrefix, () -> {
        connection.close();
        client.shutdown();
        resources.shutdown();
      }, true);
    } catch (RedisException e) {
      resources.shutdown();
      throw new StoreException("cannot connect to Redis at " + uri.getHost() + ":" + uri.getPort() + ": " + e.getMessage(), e);
    }
  }
}
