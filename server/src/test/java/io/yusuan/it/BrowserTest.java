package io.yusuan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.yusuan.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page in a real headless Chromium against the real server: two editors in two browsers, one
 * types, the other sees the figure and the recomputed totals; a reviewer cannot edit; and the whole
 * review of a budget, table by table up to an approved, exported version that later edits leave
 * alone. Screenshots go to server/target/screenshots/ for a person to look at.
 */
class BrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String ITEM = "gp_exp|2101501|basic";
    private static final String PARENT = "gp_exp|21015|basic";

    private static RunningServer server;
    private static Vertx vertx;

    @BeforeAll
    static void start() throws Exception {
        server = new RunningServer(TestDatabase.fresh(), Files.createTempDirectory("yusuan-browser"), Map.of());
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
        server.close();
    }

    private static String text(String cell) {
        return "(document.querySelector('td[data-cell=\"" + cell + "\"]')||{}).textContent";
    }

    private static void logIn(HeadlessChromium browser, String user) throws Exception {
        logIn(browser, server, user);
    }

    private static void logIn(HeadlessChromium browser, RunningServer on, String user) throws Exception {
        browser.navigate("http://127.0.0.1:" + on.port() + "/");
        browser.waitFor("document.querySelector('#login-form') && !document.querySelector('#login-view').hidden",
                "the login form");
        browser.eval("(() => { const f = document.querySelector('#login-form');"
                + " f.querySelector('[name=username]').value = '" + user + "';"
                + " f.querySelector('[name=password]').value = 'yusuan'; f.requestSubmit(); })()");
    }

    private static void openDemoBudgetAs(HeadlessChromium browser, String user) throws Exception {
        openDemoBudgetAs(browser, server, user);
    }

    private static void openDemoBudgetAs(HeadlessChromium browser, RunningServer on, String user) throws Exception {
        logIn(browser, on, user);
        browser.waitFor("document.querySelector('#doc-list a[data-doc-id]')", "the list of budgets");
        browser.eval("document.querySelector('#doc-list a[data-doc-id]').click()");
        browser.waitFor("document.querySelector('td[data-cell=\"" + ITEM + "\"]')", "the budget's tables");
        browser.waitFor("document.querySelector('#conn-state').dataset.state === 'open'", "a live connection");
    }

    @Test
    void twoEditorsSeeEachOthersEditsAndTotalsLive() throws Exception {
        try (HeadlessChromium a = HeadlessChromium.launch(vertx);
             HeadlessChromium b = HeadlessChromium.launch(vertx);
             HeadlessChromium r = HeadlessChromium.launch(vertx)) {
            openDemoBudgetAs(a, "editor1");
            openDemoBudgetAs(b, "editor2");
            // The demo budget shows 万元 as published: 416.25 under 行政运行, 517.14 under its 款.
            assertEquals("416.25", String.valueOf(b.eval(text(ITEM))).trim());
            assertEquals("517.14", String.valueOf(b.eval(text(PARENT))).trim());
            assertTrue((Boolean) b.eval("document.querySelector('td[data-cell=\"" + PARENT
                    + "\"]').classList.contains('calc')"), "totals are visibly computed cells");
            b.waitFor("document.querySelector('#presence').textContent.includes('编辑一')", "editor1 in presence");
            // Seed 001's soft pair 2101101 + 2101102 vs 30110 differs by 0.09 万元: a warning badge.
            assertEquals("warning", b.eval("document.querySelector('td[data-cell=\"gp_exp|2101101|basic\"]')"
                    + ".dataset.checkSeverity"));
            // Four warnings in all: that pair, the missing 三公 table (X11) and its 30217 (X10), the 1.43 in
            // 表9's 单位资金 column (X13).
            String checkCount = String.valueOf(b.eval("document.querySelector('#check-count').textContent"));
            assertTrue(checkCount.contains("4 警告"), checkCount);

            a.eval("document.querySelector('td[data-cell=\"" + ITEM + "\"]').click()");
            a.waitFor("document.querySelector('input.cell-editor')", "the inline editor");
            a.eval("(() => { const i = document.querySelector('input.cell-editor'); i.value = '420';"
                    + " i.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true})); })()");

            b.waitFor(text(ITEM) + ".trim() === '420.00'", "editor1's figure in editor2's page");
            b.waitFor(text(PARENT) + ".trim() === '520.89'", "the recomputed 款 total in editor2's page");
            b.waitFor(text("fin_summary|exp_210|gpb") + ".trim() === '1,131.26'",
                    "the recomputed cross-table line in editor2's page");
            // The edit broke X04 (基本支出 vs 基本支出表) by far more than rounding: an error appears live.
            b.waitFor("document.querySelector('#checks li[data-check-key=\"X04\"][data-severity=\"error\"]')",
                    "the X04 error in editor2's problem list");
            a.waitFor(text(PARENT) + ".trim() === '520.89'", "the total in editor1's own page");
            a.screenshot(SHOTS.resolve("editor1-after-edit.png"));

            // editor1 adds a classification line; it appears in editor2's page with its standard name.
            a.eval("document.querySelector('button.add-row[data-section=\"gp_exp\"]').click()");
            a.waitFor("document.querySelector('form.add-row-form[data-section=\"gp_exp\"]')", "the add-row form");
            a.eval("(() => { const f = document.querySelector('form.add-row-form[data-section=\"gp_exp\"]');"
                    + " f.querySelector('[name=code]').value = '2101506'; f.requestSubmit(); })()");
            b.waitFor("document.querySelector('td[data-cell=\"gp_exp|2101506|basic\"]')",
                    "the new line in editor2's page");
            b.screenshot(SHOTS.resolve("editor2-sees-edit.png"));
            // … and removes it again (no figures in it: no question asked); it leaves editor2's page too.
            a.waitFor("document.querySelector('button.remove-row[data-section=\"gp_exp\"][data-row=\"2101506\"]')",
                    "the 删除 control of the new line");
            a.eval("document.querySelector('button.remove-row[data-section=\"gp_exp\"][data-row=\"2101506\"]').click()");
            b.waitFor("!document.querySelector('td[data-cell=\"gp_exp|2101506|basic\"]')", "the line gone in editor2's page");

            // The 三公 table has nothing in it: editor1 marks it 空表 with its note, editor2 sees the note,
            // and editor1 takes the mark away again.
            a.eval("document.querySelector('button.mark-empty[data-section=\"three_public\"]').click()");
            a.waitFor("document.querySelector('form.mark-empty-form[data-section=\"three_public\"]')", "the 空表 form");
            a.eval("(() => { const f = document.querySelector('form.mark-empty-form[data-section=\"three_public\"]');"
                    + " f.querySelector('[name=note]').value = '本部门无“三公”经费预算'; f.requestSubmit(); })()");
            b.waitFor("(document.querySelector('.empty-note[data-section=\"three_public\"]') || {}).textContent"
                    + "?.includes('本部门无“三公”经费预算')", "the 空表 note in editor2's page");
            a.waitFor("document.querySelector('button.unmark-empty[data-section=\"three_public\"]')", "取消空表");
            a.eval("document.querySelector('button.unmark-empty[data-section=\"three_public\"]').click()");
            b.waitFor("!document.querySelector('.empty-note[data-section=\"three_public\"]')", "the mark gone in editor2's page");

            openDemoBudgetAs(r, "reviewer1");
            r.waitFor(text(ITEM) + ".trim() === '420.00'", "the edit in the reviewer's page");
            r.waitFor("!document.querySelector('#readonly-note').hidden", "the read-only note");
            r.eval("document.querySelector('td[data-cell=\"" + ITEM + "\"]').click()");
            Thread.sleep(200);
            assertEquals(Boolean.FALSE, r.eval("!!document.querySelector('input.cell-editor')"),
                    "a reviewer gets no editor");
            r.screenshot(SHOTS.resolve("reviewer-read-only.png"));
        }
    }

    @Test
    void anEditorImportsAPublishedBudgetAndSeesTheReport() throws Exception {
        Path seed = Path.of("..", "..", "shared", "seeds", "001_4c40129985d12d4c.txt");
        try (HeadlessChromium browser = HeadlessChromium.launch(vertx)) {
            logIn(browser, "editor1");
            browser.waitFor("document.querySelector('#import-file')", "the import control");
            browser.chooseFile("#import-file", seed);
            browser.eval("document.querySelector('#import-start').click()");
            browser.waitFor("document.querySelector('#import-report li[data-table=\"2\"]')", "the import report");
            assertTrue(String.valueOf(browser.eval("document.querySelector('#import-report').textContent"))
                    .contains("项目支出绩效目标表"), "the 绩效 cards are read and reported");
            // 表4 was printed empty with its reason: imported as 空表, and the report says which reason.
            assertTrue(String.valueOf(browser.eval("document.querySelector('#import-report li[data-table=\"4\"] "
                    + "[data-empty-note]').textContent")).contains("政府性基金"), "the 空表 note of 表4");
            browser.screenshot(SHOTS.resolve("import-report.png"));
            browser.eval("document.querySelector('#import-open').click()");
            browser.waitFor("document.querySelector('td[data-cell=\"gp_exp|2101501|basic\"]')",
                    "the imported budget opened");
            assertEquals("416.25", String.valueOf(browser.eval(text("gp_exp|2101501|basic"))).trim());
        }
    }

    @Test
    void aTableMarkedEmptyShowsItsNote() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.launch(vertx)) {
            logIn(browser, "editor1");
            browser.waitFor("document.querySelectorAll('#doc-list a[data-doc-id]').length >= 3", "the three budgets");
            // The 南宫 2023 budget prints its 政府性基金 table empty; the demo data marks it 空表.
            browser.eval("[...document.querySelectorAll('#doc-list a[data-doc-id]')]"
                    + ".find(a => a.textContent.includes('南宫')).click()");
            browser.waitFor("document.querySelector('.empty-note[data-section=\"gf_exp\"]')", "the 空表 note");
            assertTrue(String.valueOf(browser.eval("document.querySelector('.empty-note[data-section=\"gf_exp\"]')"
                    + ".textContent")).contains("无政府性基金"));
            browser.screenshot(SHOTS.resolve("empty-table.png"));
        }
    }

    // ---- the review of a budget, in the page ------------------------------------------------

    private static String cell(String key) {
        return "document.querySelector('[data-cell=\"" + key + "\"]')";
    }

    /** Clicks a cell and types a figure (in the unit on screen) with Enter, as a person would. */
    private static void type(HeadlessChromium browser, String key, String value) throws Exception {
        browser.eval(cell(key) + ".click()");
        browser.waitFor("document.querySelector('input.cell-editor')", "the inline editor on " + key);
        browser.eval("(() => { const i = document.querySelector('input.cell-editor'); i.value = '" + value + "';"
                + " i.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true})); })()");
    }

    /** Clicks a review step's button above a table. */
    private static void step(HeadlessChromium browser, String section, String action) throws Exception {
        String button = "document.querySelector('button[data-wf-action=\"" + action + "\"][data-section=\"" + section
                + "\"]:not([disabled])')";
        browser.waitFor(button, action + " on " + section);
        browser.eval(button + ".click()");
    }

    /** Writes the answer into the page's question dialog and confirms it. */
    private static void answer(HeadlessChromium browser, String text) throws Exception {
        browser.waitFor("document.querySelector('#ask-dialog textarea')", "the question dialog");
        browser.eval("(() => { const t = document.querySelector('#ask-dialog textarea'); t.value = '" + text + "';"
                + " t.form.requestSubmit(); })()");
        browser.waitFor("!document.querySelector('#ask-dialog')", "the dialog to close");
    }

    private static void waitStatus(HeadlessChromium browser, String section, String status) throws Exception {
        browser.waitFor("document.querySelector('section.sheet[data-section=\"" + section + "\"]').dataset.status === '"
                + status + "'", section + " " + status);
    }

    /** Submits a table; when the page asks to acknowledge warnings, the note is written. */
    private static void submit(HeadlessChromium browser, String section, String note) throws Exception {
        step(browser, section, "submit");
        browser.waitFor("document.querySelector('#ask-dialog textarea') || document.querySelector("
                + "'section.sheet[data-section=\"" + section + "\"]').dataset.status === 'submitted'", "submit of " + section);
        if (Boolean.TRUE.equals(browser.eval("!!document.querySelector('#ask-dialog textarea')"))) {
            answer(browser, note);
        }
        waitStatus(browser, section, "submitted");
    }

    private static String toast(HeadlessChromium browser) throws Exception {
        return String.valueOf(browser.eval("document.querySelector('#toast').textContent"));
    }

    /**
     * The issue's «Done when», in four browsers: two editors fill in the demo budget and submit its
     * tables (an error blocks a submit, warnings are acknowledged in a note); a reviewer comments on a
     * locked table; the supervisor returns one table with a reason and approves the others; the
     * editor resubmits, the supervisor approves it and the whole budget as version 1, which is
     * exported (XLSX and PDF downloaded through the page's job flow). Later edits in the page are
     * refused on locked tables, and a reopened table's edit leaves version 1 exactly as it was.
     * Its own server, so the other tests' edits of the demo budget do not meet its locks.
     */
    @Test
    void aBudgetIsReviewedTableByTableApprovedAndExportedInThePage() throws Exception {
        Path downloads = Files.createTempDirectory("yusuan-downloads");
        try (RunningServer own = new RunningServer(TestDatabase.fresh(), Files.createTempDirectory("yusuan-review-ui"),
                Map.of());
             HeadlessChromium a = HeadlessChromium.launch(vertx);
             HeadlessChromium b = HeadlessChromium.launch(vertx);
             HeadlessChromium r = HeadlessChromium.launch(vertx);
             HeadlessChromium s = HeadlessChromium.launch(vertx)) {
            openDemoBudgetAs(a, own, "editor1");
            openDemoBudgetAs(b, own, "editor2");
            openDemoBudgetAs(r, own, "reviewer1");
            openDemoBudgetAs(s, own, "supervisor1");
            long doc = own.request("GET", "/api/documents", own.login("editor1"), null).array().stream()
                    .map(JsonObject.class::cast).filter(d -> d.getString("template").equals("anhui-dept"))
                    .findFirst().orElseThrow().getLong("id");
            assertEquals(Boolean.FALSE, r.eval("!!document.querySelector('button[data-wf-action]')"),
                    "a reviewer has no review steps");
            assertEquals(Boolean.FALSE, a.eval("!!document.querySelector('button[data-wf-action=\"approve\"]')"),
                    "an editor cannot approve");

            // Two editors fill in: editor1's figure breaks X04 (an error), which blocks the submit.
            type(a, ITEM, "420");
            b.waitFor(text(ITEM) + ".trim() === '420.00'", "editor1's figure at editor2");
            a.waitFor("document.querySelector('#checks li[data-check-key=\"X04\"][data-severity=\"error\"]')", "X04");
            step(a, "gp_exp", "submit");
            a.waitFor("document.querySelector('#ask-dialog .ask-checks li[data-severity=\"error\"]')",
                    "the errors that refuse the submit");
            assertFalse((Boolean) a.eval("!!document.querySelector('#ask-dialog textarea')"),
                    "errors cannot be acknowledged away");
            a.screenshot(SHOTS.resolve("review-submit-refused.png"));
            a.eval("document.querySelector('#ask-dialog .confirm-cancel').click()");
            waitStatus(a, "gp_exp", "draft");
            // editor2 puts the published figure back; the error is gone for both.
            type(b, ITEM, "416.25");
            a.waitFor(text(ITEM) + ".trim() === '416.25'", "editor2's correction at editor1");
            a.waitFor("!document.querySelector('#checks li[data-check-key=\"X04\"][data-severity=\"error\"]')",
                    "X04 resolved");

            submit(a, "fin_summary", "已核对");
            submit(a, "gp_exp", "已与人事科核对医疗保险缴费基数");
            submit(b, "basic_exp", "已与人事科核对医疗保险缴费基数");
            submit(b, "dept_exp", "已核对");
            s.waitFor("document.querySelectorAll('#section-nav .nav-status[data-status=\"submitted\"]').length === 4",
                    "four submitted tables in the supervisor's sidebar");
            assertTrue(String.valueOf(s.eval("document.querySelector('.review-bar[data-section=\"gp_exp\"]').textContent"))
                    .contains("已与人事科核对医疗保险缴费基数"), "the acknowledging note is shown on the table");

            // A submitted table is read-only in the page: no editor opens, the user is told why.
            a.eval(cell(ITEM) + ".click()");
            Thread.sleep(150);
            assertFalse((Boolean) a.eval("!!document.querySelector('input.cell-editor')"), "no editor on a locked table");
            assertTrue((Boolean) a.eval(cell(ITEM) + ".classList.contains('locked')"));
            assertTrue(toast(a).contains("锁定"), toast(a));

            // The reviewer comments on the locked table (Shift+F2 on the cell); editor1 answers.
            r.eval(cell(ITEM) + ".focus()");
            r.eval(cell(ITEM) + ".dispatchEvent(new KeyboardEvent('keydown', {key: 'F2', shiftKey: true, bubbles: true}))");
            r.waitFor("!document.querySelector('#comments-pane').hidden", "the 批注 panel");
            r.eval("(() => { const f = document.querySelector('form.new-thread'); f.text.value = '行政运行比上年减少的原因？';"
                    + " f.requestSubmit(); })()");
            a.waitFor(cell(ITEM) + ".classList.contains('has-comment')", "the 批注 mark at editor1");
            a.eval("document.querySelector('#rail button[data-pane=\"comments\"]').click()");
            a.waitFor("document.querySelector('#comments-pane li.thread button[data-thread-action=\"reply\"]')", "the thread");
            a.eval("document.querySelector('#comments-pane li.thread button[data-thread-action=\"reply\"]').click()");
            a.eval("(() => { const f = document.querySelector('#comments-pane form.reply'); f.text.value = '压减了公用经费';"
                    + " f.requestSubmit(); })()");
            r.waitFor("document.querySelectorAll('#comments-pane li.thread .t-comments li').length === 2", "the reply");
            r.screenshot(SHOTS.resolve("review-comment.png"));

            // The supervisor approves three tables and returns 表2 with a reason.
            for (String section : new String[]{"fin_summary", "basic_exp", "dept_exp"}) {
                step(s, section, "approve");
                waitStatus(s, section, "approved");
            }
            step(s, "gp_exp", "return");
            answer(s, "请说明行政运行与上年相比的变化");
            waitStatus(a, "gp_exp", "returned");
            a.waitFor("document.querySelector('.review-bar[data-section=\"gp_exp\"] .wf-comment').textContent"
                    + ".includes('请说明行政运行与上年相比的变化')", "the return reason on the table");
            // Returned, 表2 is editable again, but its figures flow into the approved 表1: the server refuses.
            type(a, "gp_exp|2101502|project", "170");
            a.waitFor("document.querySelector('#toast').textContent.includes('财政拨款收支总表已批准')",
                    "the server's SECTION_LOCKED message");
            a.waitFor(text("gp_exp|2101502|project") + ".trim() === '168.17'", "the refused figure undone");
            a.screenshot(SHOTS.resolve("review-returned.png"));
            submit(a, "gp_exp", "行政运行减少系压减公用经费");
            step(s, "gp_exp", "approve");
            waitStatus(s, "gp_exp", "approved");
            // The other tables of the budget (项目, 采购, 绩效, 说明 …) go the same way, in the page.
            JsonArray sections = own.request("GET", "/api/documents/" + doc, own.login("editor2"), null).json()
                    .getJsonArray("sections");
            for (Object item : sections) {
                String key = ((JsonObject) item).getString("key");
                if (!java.util.Set.of("fin_summary", "gp_exp", "basic_exp", "dept_exp").contains(key)) {
                    submit(b, key, "已核对");
                    step(s, key, "approve");
                    waitStatus(s, key, "approved");
                }
            }

            // «批准整个预算» → version 1.
            s.waitFor("document.querySelector('#approve-document') && !document.querySelector('#approve-document').disabled",
                    "批准整个预算 enabled");
            s.eval("document.querySelector('#approve-document').click()");
            answer(s, "同意公开");
            a.waitFor("document.querySelector('#doc-review .dr-version')", "version 1 in editor1's sidebar");
            String supervisorToken = own.login("supervisor1");
            JsonArray versions = own.request("GET", "/api/documents/" + doc + "/versions", supervisorToken, null).array();
            assertEquals(1, versions.size(), versions.encode());
            String v1 = own.request("GET", "/api/documents/" + doc + "/versions/1", supervisorToken, null).body();

            // Version 1 exported through the page's job flow, XLSX and PDF, saved by the browser.
            s.call("Page.setDownloadBehavior", new JsonObject().put("behavior", "allow")
                    .put("downloadPath", downloads.toAbsolutePath().toString()));
            s.eval("document.querySelector('#rail button[data-pane=\"versions\"]').click()");
            s.waitFor("document.querySelector('.version-list li[data-number=\"1\"]')", "version 1 in the panel");
            for (String format : new String[]{"xlsx", "pdf"}) {
                s.eval("document.querySelector('.version-list li[data-number=\"1\"] .export-btn[data-export-format=\""
                        + format + "\"]').click()");
                s.waitFor("document.querySelector('.export-jobs li[data-format=\"" + format + "\"][data-status=\"done\"]')"
                        + " || document.querySelector('.export-jobs li[data-status=\"failed\"]')", format + " export");
                assertEquals(Boolean.FALSE, s.eval("!!document.querySelector('.export-jobs li[data-status=\"failed\"]')"),
                        String.valueOf(s.eval("document.querySelector('.export-jobs').textContent")));
            }
            s.screenshot(SHOTS.resolve("review-exported.png"));
            assertTrue(downloaded(downloads, ".xlsx").startsWith("PK"), "an XLSX (zip) file");
            assertTrue(downloaded(downloads, ".pdf").startsWith("%PDF"), "a PDF file");

            // Later: approved tables take no figures in the page...
            a.eval(cell(ITEM) + ".focus()");
            a.eval(cell(ITEM) + ".dispatchEvent(new KeyboardEvent('keydown', {key: '5', bubbles: true}))");
            assertFalse((Boolean) a.eval("!!document.querySelector('input.cell-editor')"), "no editor on an approved table");
            // ...and a reopened one takes them with a reason, asked once and recorded.
            step(s, "basic_exp", "reopen");
            answer(s, "办公费按新标准调整");
            waitStatus(a, "basic_exp", "draft");
            type(a, "basic_exp|30201|public", "10");
            answer(a, "按新标准调整");
            s.waitFor(text("basic_exp|30201|public") + ".trim() === '10.00'", "the reopened table's edit at the supervisor");
            type(a, "basic_exp|30201|public", "11");
            s.waitFor(text("basic_exp|30201|public") + ".trim() === '11.00'", "a second edit, with the same reason");
            assertEquals(v1, own.request("GET", "/api/documents/" + doc + "/versions/1", supervisorToken, null).body(),
                    "version 1 is what it was");

            // The supervisor opens version 1 read-only and compares it with the draft.
            s.eval("document.querySelector('button[data-open-version=\"1\"]').click()");
            s.waitFor("!document.querySelector('#version-banner').hidden", "the version banner");
            s.waitFor(text("basic_exp|30201|public") + ".trim() === '9.78'", "version 1's figure");
            s.eval("document.querySelector('#version-banner button[data-compare]').click()");
            s.waitFor("document.querySelector('.diff-list button[data-diff-cell=\"basic_exp|30201|public\"]')", "the diff");
            assertTrue((Boolean) s.eval(cell("basic_exp|30201|public") + ".classList.contains('diff-changed')"));
            s.eval("document.querySelector('.diff-list button[data-diff-cell=\"basic_exp|30201|public\"]').click()");
            s.screenshot(SHOTS.resolve("review-version-diff.png"));
            s.eval("document.querySelector('#version-banner .back-to-draft').click()");
            s.waitFor(text("basic_exp|30201|public") + ".trim() === '11.00'", "the draft again");

            // 留痕 of the cell: both edits with their reason.
            s.eval(cell("basic_exp|30201|public") + ".focus()");
            s.eval(cell("basic_exp|30201|public") + ".dispatchEvent(new KeyboardEvent('keydown', {key: 'h', altKey: true, bubbles: true}))");
            s.waitFor("document.querySelectorAll('#history-pane .h-list li').length >= 3", "the cell's history");
            assertTrue(String.valueOf(s.eval("document.querySelector('#history-pane .h-list').textContent"))
                    .contains("按新标准调整"), "the reason is in the history");
            s.screenshot(SHOTS.resolve("review-history.png"));
        }
    }

    /**
     * Text cells and free rows, which no shipped template has yet: the page's own modules open a
     * document shaped as docs/protocol.md describes (a 说明 section whose only column is text, a
     * 项目支出表 list with row kinds) on a stand-in socket that records the frames sent, so the page's
     * side of editText / addRow / removeRow is checked here; the server's side has its own tests.
     */
    @Test
    void textChaptersAndFreeRowsSendWhatTheProtocolSays() throws Exception {
        String fixture = new String(getClass().getResourceAsStream("/browser/contract-session.js").readAllBytes(),
                StandardCharsets.UTF_8);
        try (HeadlessChromium browser = HeadlessChromium.launch(vertx)) {
            logIn(browser, "editor1");
            browser.waitFor("document.querySelector('#doc-list a[data-doc-id]')", "the list of budgets");
            assertEquals(Boolean.TRUE, browser.eval(fixture));
            // The 说明 reads as chapters, not as a grid.
            browser.waitFor("document.querySelectorAll('.chapters .chapter h3').length === 2", "two chapters");
            assertEquals(Boolean.FALSE, browser.eval("!!document.querySelector('section[data-section=\"notes\"] table')"));
            browser.eval(cell("notes|overview|text") + ".click()");
            browser.waitFor("document.querySelector('.chapter .text-editor textarea')", "the chapter's editor");
            browser.eval("(() => { const t = document.querySelector('.text-editor textarea'); t.value = '2024 年收支预算均为 1773.19 万元。';"
                    + " t.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', ctrlKey: true, bubbles: true})); })()");
            JsonObject edit = new JsonObject(String.valueOf(browser.eval("JSON.stringify(contract.last('editText'))")));
            assertEquals(new JsonObject().put("section", "notes").put("row", "overview").put("column", "text"),
                    edit.getJsonObject("cell"));
            assertEquals("2024 年收支预算均为 1773.19 万元。", edit.getString("text"));
            assertEquals(0, edit.getInteger("baseRev"));
            browser.eval("(() => { const f = contract.last('editText'); contract.answer(f, {texts: [{cell: f.cell, text: f.text,"
                    + " rev: 1, by: {id: 1, name: '编辑一'}}]}); })()");
            browser.waitFor("!document.querySelector('.text-editor') && " + cell("notes|overview|text")
                    + ".textContent.includes('1773.19')", "the saved chapter");
            // A text cell in a table: a conflict keeps the user's draft and says who changed it.
            browser.eval(cell("projects|r3|goal") + ".click()");
            browser.waitFor("document.querySelector('.text-editor.floating textarea')", "the floating editor");
            browser.eval("(() => { document.querySelector('.text-editor textarea').value = '年内完成立项';"
                    + " document.querySelector('.text-editor .te-save').click(); })()");
            browser.eval("(() => { const f = contract.last('editText'); contract.session.handle({type: 'rejected',"
                    + " requestId: f.requestId, doc: 901, clientOpId: f.clientOpId, code: 'STALE_CELL', message: '已被他人修改',"
                    + " details: {value: '编辑二的目标', rev: 3, by: {id: 9, name: '编辑二'}}}); })()");
            browser.waitFor("document.querySelector('.te-note').textContent.includes('编辑二')", "the conflict note");
            assertEquals("年内完成立项", browser.eval("document.querySelector('.text-editor textarea').value"));
            browser.screenshot(SHOTS.resolve("text-conflict.png"));
            browser.eval("document.querySelector('.text-editor .te-cancel').click()");
            browser.waitFor("document.querySelector('#confirm-dialog')", "the question before dropping the draft");
            browser.eval("document.querySelector('#confirm-dialog .confirm-ok').click()");
            // Free rows: a top-level 项目, a 明细 under a project, removal of a row with figures asks first.
            browser.eval("document.querySelector('button[data-list-add=\"project\"]').click()");
            browser.eval("(() => { const f = document.querySelector('form.list-row-form'); f.name.value = '参保宣传'; f.requestSubmit(); })()");
            JsonObject add = new JsonObject(String.valueOf(browser.eval("JSON.stringify(contract.last('addRow'))")));
            assertEquals("projects", add.getString("section"));
            assertEquals("project", add.getString("kind"));
            assertEquals("参保宣传", add.getString("name"));
            assertFalse(add.containsKey("parent"));
            browser.eval("contract.answer(contract.last('addRow'), {})");
            browser.eval("document.querySelector('button[data-list-add=\"item\"][data-parent=\"r1\"]').click()");
            browser.waitFor("document.querySelector('form.list-row-form').textContent.includes('医保信息化建设')",
                    "the form naming the parent");
            browser.eval("(() => { const f = document.querySelector('form.list-row-form'); f.name.value = '软件开发'; f.requestSubmit(); })()");
            JsonObject child = new JsonObject(String.valueOf(browser.eval("JSON.stringify(contract.last('addRow'))")));
            assertEquals("item", child.getString("kind"));
            assertEquals("r1", child.getString("parent"));
            assertFalse((Boolean) browser.eval("!!document.querySelector('button.remove-list-row[data-row=\"r1\"]')"),
                    "a row with rows under it cannot be removed");
            browser.eval("document.querySelector('button.remove-list-row[data-row=\"r2\"]').click()");
            browser.waitFor("document.querySelector('#confirm-dialog')", "the question before removing figures");
            assertTrue(String.valueOf(browser.eval("document.querySelector('#confirm-text').textContent")).contains("30.00 万元"));
            browser.screenshot(SHOTS.resolve("free-rows.png"));
            browser.eval("document.querySelector('#confirm-dialog .confirm-ok').click()");
            JsonObject remove = new JsonObject(String.valueOf(browser.eval("JSON.stringify(contract.last('removeRow'))")));
            assertEquals("r2", remove.getString("row"));
        }
    }

    /** The first file the browser saved with this ending, as text of its first bytes. */
    private static String downloaded(Path dir, String ending) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(dir)) {
                var found = files.filter(f -> f.getFileName().toString().endsWith(ending)).findFirst();
                if (found.isPresent() && Files.size(found.get()) > 0) {
                    byte[] head = Files.readAllBytes(found.get());
                    return new String(head, 0, Math.min(8, head.length), StandardCharsets.ISO_8859_1);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + ending + " saved in " + dir);
    }
}
