package dev.authjvm.core.config;

import dev.authjvm.core.observe.AuthObserver;
import dev.authjvm.core.store.AuthStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A store whose every call is timed and reported to the observer. A dynamic proxy over all the store's
 * interfaces, so the capabilities it has ({@code AuthenticatorStore}, ...) are exactly the store's own.
 */
final class ObservedStore implements InvocationHandler {
  private final AuthStore store;
  private final AuthObserver observer;

  private ObservedStore(AuthStore store, AuthObserver observer) {
    this.store = store;
    this.observer = observer;
  }

  /** The store itself when nothing observes, else the timing proxy. */
  static AuthStore wrap(AuthStore store, AuthObserver observer) {
    if (store == null || observer == AuthObserver.NONE) {
      return store;
    }
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    for (Class<?> c = store.getClass(); c != null; c = c.getSuperclass()) {
      interfaces.addAll(Set.of(c.getInterfaces()));
    }
    return (AuthStore) Proxy.newProxyInstance(store.getClass().getClassLoader(), interfaces.toArray(Class<?>[]::new),
        new ObservedStore(store, SafeObserver.of(observer)));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    // Asking the store what it is, rather than calling it, is not a store call.
    if (method.getDeclaringClass() == Object.class || method.getName().equals("mayBlock") && method.getParameterCount() == 0) {
      return method.invoke(store, args);
    }
    long start = System.nanoTime();
    boolean failed = true;
    try {
      Object result = method.invoke(store, args);
      failed = false;
      return result;
    } catch (InvocationTargetException e) {
      throw e.getCause();
    } finally {
      observer.storeCall(method.getName(), Duration.ofNanos(System.nanoTime() - start), failed);
    }
  }
}
