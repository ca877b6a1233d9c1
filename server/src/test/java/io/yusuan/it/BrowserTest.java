package io.yusuan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.yusuan.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page in a real headless Chromium against the real server: two editors in two browsers, one
 * types, the other sees the figure and the recomputed totals; a reviewer cannot edit. Screenshots
 * go to server/target/screenshots/ for a person to look at.
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
        browser.navigate("http://127.0.0.1:" + server.port() + "/");
        browser.waitFor("document.querySelector('#login-form') && !document.querySelector('#login-view').hidden",
                "the login form");
        browser.eval("(() => { const f = document.querySelector('#login-form');"
                + " f.querySelector('[name=username]').value = '" + user + "';"
                + " f.querySelector('[name=password]').value = 'yusuan'; f.requestSubmit(); })()");
    }

    private static void openDemoBudgetAs(HeadlessChromium browser, String user) throws Exception {
        logIn(browser, user);
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
}
