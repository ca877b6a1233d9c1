package io.yusuan.auth;

import io.yusuan.domain.budget.Actor;

/** The authenticated user of a request or socket, as carried in the token. */
public record AuthUser(long id, String username, String name, String globalRole) {

    public boolean admin() {
        return "admin".equals(globalRole);
    }

    /** Editors and admins may create budgets. */
    public boolean mayCreateDocuments() {
        return admin() || "editor".equals(globalRole);
    }

    public Actor actor() {
        return new Actor(id, name);
    }
}
