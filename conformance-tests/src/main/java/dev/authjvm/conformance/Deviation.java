package dev.authjvm.conformance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a check where this project deliberately differs from the official Auth.js server, with the
 * reason. When the kit checks Auth.js itself ({@link ReferenceMode}), such checks are skipped; every
 * other check must pass against Auth.js, which is how the kit proves it encodes the real behaviour.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Deviation {
  /** What Auth.js does instead, and why we do not copy it. */
  String value();
}
