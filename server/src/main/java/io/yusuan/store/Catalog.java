package io.yusuan.store;

import io.vertx.core.Future;
import io.yusuan.domain.AppliedEvent;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.workflow.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users, documents and memberships: the slow-changing data around the event log. */
public interface Catalog {

    Future<Optional<UserAccount>> userByName(String username);

    Future<UserAccount> createUser(String username, String displayName, String passwordHash, String globalRole);

    /** Documents the user may open: all of them for a global admin, else those with a membership. */
    Future<List<DocumentInfo>> documentsOf(long userId, boolean globalAdmin);

    /** Every user (without password hashes), for choosing members. */
    Future<List<UserAccount>> users();

    Future<Optional<DocumentInfo>> document(long documentId);

    /**
     * Creates a document, makes its creator its admin, and writes its first versions — all in one
     * transaction, so a document exists with all of them or not at all.
     */
    Future<DocumentInfo> createDocument(String templateId, String title, String unit, int year,
                                        Map<String, List<CodeRow>> codeRows, long createdBy,
                                        List<AppliedEvent> firstVersions);

    Future<List<Member>> members(long documentId);

    /** The user's membership role on a document, if any (global admins are handled by callers). */
    Future<Optional<Role>> roleOf(long documentId, long userId);

    Future<Void> putMember(long documentId, long userId, Role role);

    Future<Boolean> removeMember(long documentId, long userId);

    record UserAccount(long id, String username, String displayName, String passwordHash, String globalRole) {

        public boolean admin() {
            return "admin".equals(globalRole);
        }
    }

    record DocumentInfo(long id, String templateId, String title, String unit, int year,
                        Map<String, List<CodeRow>> codeRows) {
    }

    record Member(long userId, String username, String displayName, Role role) {
    }
}
