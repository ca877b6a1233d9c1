package io.yusuan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.yusuan.domain.workflow.Role;
import io.yusuan.domain.workflow.SectionStatus;
import io.yusuan.domain.workflow.WorkflowAction;
import io.yusuan.support.TestDatabase;
import io.yusuan.support.WorkflowMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The role × action × state matrix of section review on the real server, every cell over HTTP
 * and over WebSocket: the same room decides both, so both must give the same answers.
 */
class WorkflowIntegrationTest {

    private static RunningServer server;
    private static Vertx vertx;
    private static long doc;
    private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);
    private static final Map<Role, WsTestClient> SOCKETS = new EnumMap<>(Role.class);
    private static int op;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory("yusuan-wf");
        server = new RunningServer(TestDatabase.fresh(), data, Map.of("MAX_MESSAGES_PER_SECOND", "1000"));
        vertx = Vertx.vertx();
        TOKENS.put(Role.EDITOR, server.login("editor2"));
        TOKENS.put(Role.REVIEWER, server.login("reviewer1"));
        TOKENS.put(Role.SUPERVISOR, server.login("supervisor1"));
        TOKENS.put(Role.ADMIN, server.login("editor1"));
        // editor1 creates the budget and so becomes its admin; the others join with their roles.
        doc = server.request("POST", "/api/documents", TOKENS.get(Role.ADMIN), new JsonObject()
                .put("template", "hebei-dept").put("title", "审批矩阵测试").put("unit", "测试局").put("year", 2024).encode())
                .json().getLong("id");
        for (var member : Map.of("editor2", "editor", "reviewer1", "reviewer", "supervisor1", "supervisor").entrySet()) {
            RunningServer.Response put = server.request("PUT", "/api/documents/" + doc + "/members/" + member.getKey(),
                    TOKENS.get(Role.ADMIN), new JsonObject().put("role", member.getValue()).encode());
            assertEquals(200, put.status(), put.body());
        }
        for (Role role : WorkflowMatrix.ROLES) {
            SOCKETS.put(role, WsTestClient.connect(vertx, server.port(), TOKENS.get(role)));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (WsTestClient socket : SOCKETS.values()) {
            socket.close();
        }
        vertx.close().await(10, TimeUnit.SECONDS);
        server.close();
    }

    private static JsonObject step(String section, WorkflowAction action, String comment) {
        return new JsonObject().put("type", "workflow").put("doc", doc).put("clientOpId", "wf-" + (++op))
                .put("section", section).put("action", action.wireName()).put("comment", comment);
    }

    /** "ok" or the error code, over HTTP. */
    private static String overHttp(Role role, JsonObject message) throws Exception {
        RunningServer.Response response = server.request("POST", "/api/documents/" + doc + "/commands",
                TOKENS.get(role), message.encode());
        return response.status() == 200 ? "ok" : response.json().getString("code");
    }

    /** "ok" or the error code, over the role's socket. */
    private static String overSocket(Role role, JsonObject message) throws Exception {
        String requestId = "q" + (++op);
        SOCKETS.get(role).send(message.copy().put("requestId", requestId));
        JsonObject reply = SOCKETS.get(role).reply(requestId);
        return "ack".equals(reply.getString("type")) ? "ok" : reply.getString("code");
    }

    private static SectionStatus status(String section) throws Exception {
        JsonObject document = server.request("GET", "/api/documents/" + doc, TOKENS.get(Role.ADMIN), null).json();
        String wire = document.getJsonObject("workflow").getJsonObject("sections").getJsonObject(section)
                .getString("status");
        return SectionStatus.valueOf(wire.toUpperCase(java.util.Locale.ROOT));
    }

    /** Brings a section to a state with the admin's steps, from wherever it is. */
    private static void driveTo(String section, SectionStatus target) throws Exception {
        SectionStatus now = status(section);
        List<WorkflowAction> back = switch (now) {
            case DRAFT -> List.of();
            case SUBMITTED -> List.of(WorkflowAction.RECALL);
            case APPROVED -> List.of(WorkflowAction.REOPEN);
            case RETURNED -> List.of(WorkflowAction.SUBMIT, WorkflowAction.RECALL);
        };
        List<WorkflowAction> forth = switch (target) {
            case DRAFT -> List.of();
            case SUBMITTED -> List.of(WorkflowAction.SUBMIT);
            case APPROVED -> List.of(WorkflowAction.SUBMIT, WorkflowAction.APPROVE);
            case RETURNED -> List.of(WorkflowAction.SUBMIT, WorkflowAction.RETURN);
        };
        List<WorkflowAction> steps = new ArrayList<>(back);
        steps.addAll(forth);
        for (WorkflowAction action : steps) {
            assertEquals("ok", overHttp(Role.ADMIN, step(section, action, "测试")), section + " " + action);
        }
        assertEquals(target, status(section));
    }

    @Test
    void everyCellOfTheMatrixOverHttpAndWebSocket() throws Exception {
        List<String> wrong = new ArrayList<>();
        String section = "gp_exp";
        for (WorkflowMatrix.Cell cell : WorkflowMatrix.cells()) {
            for (String transport : List.of("http", "ws")) {
                driveTo(section, cell.state());
                JsonObject message = step(section, cell.action(), "理由");
                String got = transport.equals("http") ? overHttp(cell.role(), message) : overSocket(cell.role(), message);
                if (!got.equals(cell.expected())) {
                    wrong.add(transport + " " + cell + ": expected " + cell.expected() + ", got " + got);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void approvingTheDocumentNeedsEveryTableAndASupervisor() throws Exception {
        JsonObject approve = step(null, WorkflowAction.APPROVE_DOCUMENT, "同意");
        assertEquals("FORBIDDEN", overHttp(Role.EDITOR, approve.copy().put("clientOpId", "ad1")));
        assertEquals("FORBIDDEN", overSocket(Role.REVIEWER, approve.copy().put("clientOpId", "ad2")));
        assertEquals("INVALID_STATE", overSocket(Role.SUPERVISOR, approve.copy().put("clientOpId", "ad3")));
        JsonArray versions = server.request("GET", "/api/documents/" + doc + "/versions", TOKENS.get(Role.REVIEWER),
                null).array();
        assertTrue(versions.isEmpty());
    }
}
