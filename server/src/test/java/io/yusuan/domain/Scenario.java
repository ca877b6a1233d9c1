package io.yusuan.domain;

import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.workflow.Role;
import io.yusuan.store.Catalog.DocumentInfo;
import io.yusuan.templates.TemplateLibrary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Given events / when command / then events, calc or rejection — on the real shipped template, so
 * the scenarios exercise the same formulas the server runs.
 */
final class Scenario {

    static final TemplateLibrary LIBRARY = TemplateLibrary.shipped();
    static final Actor ALICE = new Actor(1, "编辑一");
    static final Actor BOB = new Actor(2, "编辑二");

    private final BudgetState state;
    private final DocumentInfo info;
    private final List<AppliedEvent> history = new ArrayList<>();

    private Scenario(DocumentInfo info) {
        this.info = info;
        this.state = replay(List.of());
    }

    static Scenario anhui(Map<String, List<CodeRow>> rows) {
        return new Scenario(new DocumentInfo(1, "anhui-dept", "测试", "测试单位", 2024, rows));
    }

    static Scenario of(String templateId, int year, Map<String, List<CodeRow>> rows) {
        return new Scenario(new DocumentInfo(1, templateId, "测试", "测试单位", year, rows));
    }

    /** The document rebuilt from its initial rows and the given history, as a room loads it. */
    BudgetState replay(List<AppliedEvent> events) {
        return BudgetState.replay(LIBRARY.factoryFor(info), info.codeRows(), 0, Map.of(), events);
    }

    /** A small budget: two 项 under 21015, one under 20805, and two economic 款. */
    static Scenario small() {
        Map<String, List<CodeRow>> rows = new HashMap<>();
        rows.put("gp_exp", List.of(new CodeRow("2101501", "行政运行"), new CodeRow("2101502", "一般行政管理事务"),
                new CodeRow("2080505", "机关事业单位基本养老保险缴费支出")));
        rows.put("basic_exp", List.of(new CodeRow("30101", "基本工资"), new CodeRow("30201", "办公费")));
        rows.put("dept_exp", List.of(new CodeRow("2101501", "行政运行")));
        // The 收入总表 draws its 一般公共预算 column line by line from gp_exp: the same lines (X03).
        rows.put("income", rows.get("gp_exp"));
        return anhui(rows);
    }

    static CellRef cell(String section, String row, String column) {
        return new CellRef(section, row, column);
    }

    Scenario given(Actor by, CellRef cell, String yuan) {
        history.add(state.apply(new CellsEdited(List.of(new CellEdit(cell, yuan == null ? null : Money.yuan(yuan)))),
                by, null, Instant.EPOCH));
        return this;
    }

    Decision decide(Command command, Role role) {
        return Decider.decide(state, command, role);
    }

    Decision decide(Actor by, Command command, Role role) {
        return Decider.decide(state, command, role, by, Instant.EPOCH);
    }

    /** Decides and, when accepted, applies: what a room does after the commit. */
    AppliedEvent when(Actor by, Command command, Role role) {
        Decision decision = Decider.decide(state, command, role, by, Instant.EPOCH);
        if (!decision.accepted()) {
            throw new AssertionError("expected acceptance, got " + decision.rejection());
        }
        AppliedEvent event = state.apply(decision.event(), by, command.clientOpId(), Instant.EPOCH);
        history.add(event);
        return event;
    }

    BudgetState state() {
        return state;
    }

    List<AppliedEvent> history() {
        return history;
    }

    String value(String section, String row, String column) {
        Money money = state.valueOf(cell(section, row, column));
        return money == null ? null : money.toYuanString();
    }
}
