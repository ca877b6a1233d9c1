package io.yusuan.domain.workflow;

import java.util.Locale;
import java.util.Optional;

/** A user's role on one document. The wire names are the lower-case enum names. */
public enum Role {
    EDITOR, REVIEWER, SUPERVISOR, ADMIN;

    public boolean mayEditCells() {
        return this == EDITOR || this == ADMIN;
    }

    public boolean mayManageMembers() {
        return this == ADMIN;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
