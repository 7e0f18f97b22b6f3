package dev.jcodex.config;

import dev.jcodex.protocol.WireEnum;

/** {@code [projects."<abs path>"] trust_level}. */
public enum TrustLevel implements WireEnum {
    /** Project config layers apply; default approval {@code on-request}. */
    TRUSTED,
    /** Project config layers are ignored; default approval {@code untrusted}. */
    UNTRUSTED;

    @Override
    public String wire() {
        return WireEnum.kebab(this);
    }
}
