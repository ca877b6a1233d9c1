package io.yusuan.store.pg;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import io.yusuan.domain.AppliedEvent;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.workflow.Role;
import io.yusuan.store.Catalog;
import io.yusuan.store.CodeRowsJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users, documents and memberships in PostgreSQL. */
public final class PgCatalog implements Catalog {

    private final Pool pool;

    public PgCatalog(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Optional<UserAccount>> userByName(String username) {
        return pool.preparedQuery(Sql.USER_BY_NAME).execute(Tuple.of(username)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new UserAccount(row.getLong("id"), row.getString("username"),
                    row.getString("display_name"), row.getString("password_hash"), row.getString("global_role")));
        });
    }

    @Override
    public Future<List<UserAccount>> users() {
        return pool.query(Sql.USERS).execute().map(rows -> {
            List<UserAccount> users = new ArrayList<>();
            for (Row row : rows) {
                users.add(new UserAccount(row.getLong("id"), row.getString("username"), row.getString("display_name"),
                        "", row.getString("global_role")));
            }
            return users;
        });
    }

    @Override
    public Future<UserAccount> createUser(String username, String displayName, String passwordHash,
                                          String globalRole) {
        return pool.preparedQuery(Sql.CREATE_USER)
                .execute(Tuple.of(username, displayName, passwordHash, globalRole))
                .map(rows -> new UserAccount(rows.iterator().next().getLong("id"), username, displayName,
                        passwordHash, globalRole));
    }

    @Override
    public Future<List<DocumentInfo>> documentsOf(long userId, boolean globalAdmin) {
        Future<RowSet<Row>> rows = globalAdmin
                ? pool.query(Sql.ALL_DOCUMENTS).execute()
                : pool.preparedQuery(Sql.DOCUMENTS_OF_MEMBER).execute(Tuple.of(userId));
        return rows.map(set -> {
            List<DocumentInfo> documents = new ArrayList<>();
            set.forEach(row -> documents.add(document(row)));
            return documents;
        });
    }

    @Override
    public Future<Optional<DocumentInfo>> document(long documentId) {
        return pool.preparedQuery(Sql.DOCUMENT).execute(Tuple.of(documentId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(document(rows.iterator().next())));
    }

    @Override
    public Future<DocumentInfo> createDocument(String templateId, String title, String unit, int year,
                                               Map<String, List<CodeRow>> codeRows, long createdBy,
                                               List<AppliedEvent> firstVersions) {
        return pool.withTransaction(conn -> conn.preparedQuery(Sql.CREATE_DOCUMENT)
                .execute(Tuple.of(templateId, title, unit, year, CodeRowsJson.write(codeRows), createdBy))
                .compose(rows -> {
                    long id = rows.iterator().next().getLong("id");
                    DocumentInfo info = new DocumentInfo(id, templateId, title, unit, year, codeRows);
                    // The creator edits and administers the new budget.
                    Future<?> member = conn.preparedQuery(Sql.PUT_MEMBER)
                            .execute(Tuple.of(id, createdBy, Role.ADMIN.wireName()));
                    if (firstVersions.isEmpty()) {
                        return member.map(info);
                    }
                    return member.compose(done -> conn.preparedQuery(Sql.APPEND_EVENTS)
                            .execute(GroupCommitter.tuple(PgEventLog.rows(id, firstVersions)))).map(info);
                }));
    }

    @Override
    public Future<List<Member>> members(long documentId) {
        return pool.preparedQuery(Sql.MEMBERS).execute(Tuple.of(documentId)).map(rows -> {
            List<Member> members = new ArrayList<>();
            for (Row row : rows) {
                members.add(new Member(row.getLong("id"), row.getString("username"), row.getString("display_name"),
                        Role.fromWire(row.getString("role")).orElseThrow()));
            }
            return members;
        });
    }

    @Override
    public Future<Optional<Role>> roleOf(long documentId, long userId) {
        return pool.preparedQuery(Sql.ROLE_OF).execute(Tuple.of(documentId, userId)).map(rows -> rows.size() == 0
                ? Optional.empty() : Role.fromWire(rows.iterator().next().getString("role")));
    }

    @Override
    public Future<Void> putMember(long documentId, long userId, Role role) {
        return pool.preparedQuery(Sql.PUT_MEMBER).execute(Tuple.of(documentId, userId, role.wireName())).mapEmpty();
    }

    @Override
    public Future<Boolean> removeMember(long documentId, long userId) {
        return pool.preparedQuery(Sql.REMOVE_MEMBER).execute(Tuple.of(documentId, userId))
                .map(rows -> rows.rowCount() > 0);
    }

    private static DocumentInfo document(Row row) {
        return new DocumentInfo(row.getLong("id"), row.getString("template_id"), row.getString("title"),
                row.getString("unit"), row.getInteger("year"), CodeRowsJson.read((JsonObject) row.getValue("code_rows")));
    }
}
