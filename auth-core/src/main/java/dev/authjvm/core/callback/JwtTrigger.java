package dev.authjvm.core.callback;

/** Why the {@code jwt} callback runs; {@code null} in {@link JwtParams} means a plain session read. */
public enum JwtTrigger {
  SIGN_IN("signIn"), SIGN_UP("signUp"), UPDATE("update");

  private final String wireName;

  JwtTrigger(String wireName) {
    this.wireName = wireName;
  }

  /** The name Auth.js uses ({@code signIn}, {@code signUp}, {@code update}). */
  public String wireName() {
    return wireName;
  }
}
