package io.yusuan.export;

import io.yusuan.domain.budget.Money;
import io.yusuan.domain.publish.ColumnSpec;
import io.yusuan.domain.publish.ColumnSpec.Kind;
import io.yusuan.domain.publish.HeaderCell;
import io.yusuan.domain.publish.NarrativeBlock;
import io.yusuan.domain.publish.PublishedBudget;
import io.yusuan.domain.publish.PublishedCell;
import io.yusuan.domain.publish.PublishedRow;
import io.yusuan.domain.publish.PublishedTable;
import io.yusuan.domain.publish.Stamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Published budgets for the export tests. {@link #seed001} is shaped like seed 001 (宿州市医疗保障局 2024,
 * 万元): a two-sided 收支总表, a 功能分类 table under a 预算数 group, an economic table, an empty
 * 政府性基金 table with its note, a wide 项目支出表 with text columns, and 说明 chapters. {@link #large}
 * is generated: many tables of many rows.
 */
public final class SampleBudgets {

    static final Instant APPROVED_AT = Instant.parse("2024-02-20T08:30:00Z");
    static final String HASH = "sha256:4c40129985d12d4c9b1e0f3a7d5c2b8e6f1a0d9c8b7a6f5e4d3c2b1a09f8e7d6";

    private SampleBudgets() {
    }

    public static Stamp approved() {
        return Stamp.approved(2, HASH, "supervisor1", APPROVED_AT, 812);
    }

    public static Stamp draft() {
        return Stamp.draft(815, Instant.parse("2024-02-21T01:02:03Z"));
    }

    public static PublishedBudget seed001(Stamp stamp) {
        return new PublishedBudget("宿州市医疗保障局2024年部门预算", "宿州市医疗保障局", 2024, stamp,
                List.of(incomeAndSpending(), functional(), economic(), fundEmpty(), projects()), narrative());
    }

    // ---- 表1: two sides, 收入 | 支出, each with its own label column ----

    private static PublishedTable incomeAndSpending() {
        List<List<HeaderCell>> header = List.of(
                List.of(h("收入", 0, 2, 1), h("支出", 2, 5, 1)),
                List.of(h("项目", 0, 1, 1), h("预算数", 1, 1, 1), h("项目", 2, 1, 1), h("合计", 3, 1, 1),
                        h("一般公共预算财政拨款", 4, 1, 1), h("政府性基金预算财政拨款", 5, 1, 1), h("国有资本经营预算拨款", 6, 1, 1)));
        List<ColumnSpec> columns = List.of(col("项目", Kind.LABEL), col("预算数", Kind.AMOUNT), col("项目", Kind.LABEL),
                col("合计", Kind.AMOUNT), col("一般公共预算财政拨款", Kind.AMOUNT), col("政府性基金预算财政拨款", Kind.AMOUNT),
                col("国有资本经营预算拨款", Kind.AMOUNT));
        List<PublishedRow> rows = new ArrayList<>();
        rows.add(row(0, false, t("一、上年结转"), w("260.64"), t("一、本年支出"), w("1773.19"), w("1773.19"), B, B));
        rows.add(row(1, false, t("（一）一般公共预算拨款"), w("260.64"), t("（一）一般公共服务支出"), w("125.50"), w("125.50"), B, B));
        rows.add(row(1, false, t("（二）政府性基金预算拨款"), B, t("（二）外交支出"), B, B, B, B));
        rows.add(row(0, false, t("二、本年收入"), w("1512.56"), t("（三）国防支出"), B, B, B, B));
        rows.add(row(1, false, t("（一）一般公共预算拨款"), w("1512.56"), t("（八）社会保障和就业支出"), w("402.17"), w("402.17"), B, B));
        rows.add(row(2, false, t("经常收入拨款"), w("1212.77"), t("（十）卫生健康支出"), w("1127.50"), w("1127.50"), B, B));
        rows.add(row(2, false, t("国库管理非税收入"), w("299.78"), t("（二十）住房保障支出"), w("118.02"), w("118.02"), B, B));
        rows.add(row(1, false, B, B, t("（二十二）国有资本经营收入安排支出"), B, B, B, B));
        rows.add(row(0, false, B, B, t("结转下年"), B, B, B, B));
        rows.add(row(0, true, t("收入总计"), w("1773.19"), t("支出总计"), w("1773.19"), w("1773.19"), B, B));
        return new PublishedTable(1, "宿州市医疗保障局部门2024年财政拨款收支总表", "万元", header, columns, rows, null);
    }

    // ---- 表2: 科目编码 | 科目名称 under 功能分类科目, 合计 | 基本支出 | 项目支出 under 预算数 ----

    private static PublishedTable functional() {
        List<List<HeaderCell>> header = List.of(
                List.of(h("功能分类科目", 0, 2, 1), h("预算数", 2, 3, 1)),
                List.of(h("科目编码", 0, 1, 1), h("科目名称", 1, 1, 1), h("合计", 2, 1, 1), h("基本支出", 3, 1, 1),
                        h("项目支出", 4, 1, 1)));
        List<ColumnSpec> columns = List.of(col("科目编码", Kind.CODE), col("科目名称", Kind.LABEL), col("合计", Kind.AMOUNT),
                col("基本支出", Kind.AMOUNT), col("项目支出", Kind.AMOUNT));
        String[][] lines = {
            {"", "合计", "1773.19", "1088.71", "684.49"},
            {"201", "一般公共服务支出", "125.50", "", "125.50"},
            {"20199", "其他一般公共服务支出", "125.50", "", "125.50"},
            {"2019999", "其他一般公共服务支出", "125.50", "", "125.50"},
            {"208", "社会保障和就业支出", "402.17", "402.17", ""},
            {"20801", "人力资源和社会保障管理事务", "252.89", "252.89", ""},
            {"2080109", "社会保险经办机构", "252.89", "252.89", ""},
            {"20805", "行政事业单位养老支出", "149.06", "149.06", ""},
            {"2080505", "机关事业单位基本养老保险缴费支出", "99.18", "99.18", ""},
            {"2080506", "机关事业单位职业年金缴费支出", "49.89", "49.89", ""},
            {"20899", "其他社会保障和就业支出", "0.22", "0.22", ""},
            {"2089999", "其他社会保障和就业支出", "0.22", "0.22", ""},
            {"210", "卫生健康支出", "1127.50", "568.51", "558.99"},
            {"21001", "卫生健康管理事务", "151.16", "", "151.16"},
            {"2100199", "其他卫生健康管理事务支出", "151.16", "", "151.16"},
            {"21011", "行政事业单位医疗", "51.38", "51.38", ""},
            {"2101101", "行政单位医疗", "26.11", "26.11", ""},
            {"2101102", "事业单位医疗", "20.49", "20.49", ""},
            {"2101103", "公务员医疗补助", "4.78", "4.78", ""},
            {"21015", "医疗保障管理事务", "924.96", "517.14", "407.83"},
            {"2101501", "行政运行", "416.25", "416.25", ""},
            {"2101502", "一般行政管理事务", "168.17", "", "168.17"},
            {"2101505", "医疗保障政策管理", "163.11", "", "163.11"},
            {"2101550", "事业运行", "100.89", "100.89", ""},
            {"2101599", "其他医疗保障管理事务支出", "76.55", "", "76.55"},
            {"221", "住房保障支出", "118.02", "118.02", ""},
            {"22102", "住房改革支出", "118.02", "118.02", ""},
            {"2210201", "住房公积金", "92.02", "92.02", ""},
            {"2210202", "提租补贴", "26.00", "26.00", ""},
        };
        return new PublishedTable(2, "宿州市医疗保障局部门2024年一般公共预算支出表", "单位：万元", header, columns,
                codeRows(lines), null);
    }

    // ---- 表3: economic classification, 合计 | 人员经费 | 公用经费 under 预算数 ----

    private static PublishedTable economic() {
        List<List<HeaderCell>> header = List.of(
                List.of(h("经济分类科目", 0, 2, 1), h("预算数", 2, 3, 1)),
                List.of(h("科目编码", 0, 1, 1), h("科目名称", 1, 1, 1), h("合计", 2, 1, 1), h("人员经费", 3, 1, 1),
                        h("公用经费", 4, 1, 1)));
        List<ColumnSpec> columns = List.of(col("科目编码", Kind.CODE), col("科目名称", Kind.LABEL), col("合计", Kind.AMOUNT),
                col("人员经费", Kind.AMOUNT), col("公用经费", Kind.AMOUNT));
        String[][] lines = {
            {"", "合计", "1088.71", "905.71", "183.00"},
            {"301", "工资福利支出", "895.11", "895.11", ""},
            {"30101", "基本工资", "186.43", "186.43", ""},
            {"30102", "津贴补贴", "114.92", "114.92", ""},
            {"30103", "奖金", "152.88", "152.88", ""},
            {"30108", "机关事业单位基本养老保险缴费", "99.18", "99.18", ""},
            {"30113", "住房公积金", "92.02", "92.02", ""},
            {"30199", "其他工资福利支出", "249.68", "249.68", ""},
            {"302", "商品和服务支出", "183.00", "", "183.00"},
            {"30201", "办公费", "9.78", "", "9.78"},
            {"30215", "会议费", "22.00", "", "22.00"},
            {"30217", "公务接待费", "3.00", "", "3.00"},
            {"30228", "工会经费", "43.27", "", "43.27"},
            {"30299", "其他商品和服务支出", "104.95", "", "104.95"},
            {"303", "对个人和家庭的补助", "10.60", "10.60", ""},
            {"30305", "生活补助", "10.60", "10.60", ""},
        };
        return new PublishedTable(3, "宿州市医疗保障局部门2024年一般公共预算基本支出表", "万元", header, columns,
                codeRows(lines), null);
    }

    // ---- 表4: printed empty, with its note; 科目编码 and 科目名称 span both header rows ----

    static final String FUND_NOTE = "备注说明：宿州市医疗保障局部门没有政府性基金预算拨款收入，也没有政府性基金预算拨款安排的支出，故本表无数据。";

    private static PublishedTable fundEmpty() {
        List<List<HeaderCell>> header = List.of(
                List.of(h("科目编码", 0, 1, 2), h("科目名称", 1, 1, 2), h("本年政府性基金财政拨款支出", 2, 3, 1)),
                List.of(h("合计", 2, 1, 1), h("基本支出", 3, 1, 1), h("项目支出", 4, 1, 1)));
        List<ColumnSpec> columns = List.of(col("科目编码", Kind.CODE), col("科目名称", Kind.LABEL), col("合计", Kind.AMOUNT),
                col("基本支出", Kind.AMOUNT), col("项目支出", Kind.AMOUNT));
        return new PublishedTable(4, "宿州市医疗保障局部门2024年政府性基金预算支出表", "万元", header, columns, List.of(),
                FUND_NOTE);
    }

    // ---- 表9: projects, text columns and a dozen funding columns (printed landscape) ----

    private static PublishedTable projects() {
        List<List<HeaderCell>> header = List.of(
                List.of(h("项目名称", 0, 1, 2), h("项目单位", 1, 1, 2), h("合计", 2, 1, 2), h("本年财政拨款", 3, 3, 1),
                        h("财政拨款结转结余", 6, 3, 1), h("财政专户管理资金", 9, 1, 2), h("单位资金", 10, 1, 2),
                        h("上级转移支付（提前下达一般公共预算）", 11, 1, 2)),
                List.of(h("一般公共预算", 3, 1, 1), h("政府性基金预算", 4, 1, 1), h("国有资本经营收入", 5, 1, 1),
                        h("一般公共预算", 6, 1, 1), h("政府性基金预算", 7, 1, 1), h("国有资本经营收入", 8, 1, 1)));
        List<ColumnSpec> columns = new ArrayList<>(List.of(col("项目名称", Kind.TEXT), col("项目单位", Kind.TEXT),
                col("合计", Kind.AMOUNT)));
        for (String t : List.of("一般公共预算", "政府性基金预算", "国有资本经营收入", "一般公共预算", "政府性基金预算",
                "国有资本经营收入", "财政专户管理资金", "单位资金", "上级转移支付（提前下达一般公共预算）")) {
            columns.add(col(t, Kind.AMOUNT));
        }
        List<PublishedRow> rows = new ArrayList<>();
        rows.add(project(true, "", "合计", "685.92", "423.85", "260.64", "", "1.43"));
        rows.add(project(false, "2022年省级财政医疗服务与保障能力提升补助资金", "宿州市医疗保障局", "76.55", "", "76.55", "", ""));
        rows.add(project(false, "2023年医疗服务与保障能力提升补助资金(医疗保障服务能力建设部分)",
                "宿州市城镇职工基本医疗保险生育基金管理分中心", "1.43", "", "", "", "1.43"));
        rows.add(project(false, "结转2021年医疗服务与保障能力提升补助资金(第二批)", "宿州市医疗保障局", "151.16", "", "151.16", "", ""));
        rows.add(project(false, "劳务派遣聘用人员经费", "宿州市城镇职工基本医疗保险基金管理中心", "70.50", "70.50", "", "", ""));
        rows.add(project(false, "医保经办能力提升", "宿州市城镇职工基本医疗保险基金管理中心", "55.00", "55.00", "", "", ""));
        rows.add(project(false, "医疗保障基金安全监管经费", "宿州市医保基金安全监管中心", "20.00", "20.00", "", "", ""));
        rows.add(project(false, "医疗保障基金管理、法治建设及信息系统安全维护", "宿州市医疗保障局", "61.90", "61.90", "", "", ""));
        rows.add(project(false, "支付方式改革及医疗保障服务经费", "宿州市医疗保障局", "70.00", "70.00", "", "", ""));
        // a name with the characters CSV must quote
        rows.add(project(false, "\"互联网+医保\"服务, 二期", "宿州市医疗保障局", "179.38", "146.45", "32.93", "", ""));
        return new PublishedTable(9, "宿州市医疗保障局部门2024年项目支出表", "万元", header, columns, rows, null);
    }

    private static PublishedRow project(boolean total, String name, String unit, String sum, String general,
                                        String carried, String special, String own) {
        List<PublishedCell> cells = new ArrayList<>(List.of(t(name), t(unit), w(sum), w(general), B, B, w(carried), B, B,
                w(special), w(own), B));
        return new PublishedRow(0, total, cells);
    }

    private static List<NarrativeBlock> narrative() {
        return List.of(
                new NarrativeBlock("一、关于2024年财政拨款收支总表的说明",
                        "宿州市医疗保障局部门2024年财政拨款收支预算1773.19万元。收入按资金来源分全部为一般公共预算拨款1773.19万元；"
                                + "按资金年度分为：本年财政拨款收入1512.56万元，上年结转收入260.64万元。\n\n"
                                + "支出按功能分类分为：一般公共服务支出125.50万元，占7.08%；社会保障和就业支出402.17万元，占22.68%；"
                                + "卫生健康支出1127.50万元，占63.59%；住房保障支出118.02万元，占6.65%。"),
                new NarrativeBlock("二、关于2024年一般公共预算基本支出预算表的说明",
                        "宿州市医疗保障局部门2024年一般公共预算基本支出1088.71万元，其中：人员经费905.71万元，"
                                + "主要包括基本工资、津贴补贴、奖金、伙食补助费、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、"
                                + "职工基本医疗保险缴费、公务员医疗补助缴费、其他社会保障缴费、住房公积金、其他工资福利支出；"
                                + "公用经费183.00万元，主要包括办公费、印刷费、咨询费、电费、邮电费、物业管理费、差旅费、维修（护）费、"
                                + "租赁费、会议费、公务接待费、专用材料费、劳务费、工会经费、其他商品和服务支出。"),
                new NarrativeBlock("三、机关运行经费",
                        "宿州市医疗保障局部门2024年机关运行经费财政拨款预算183万元，比2023年预算增加36.17万元，增长24.63%，"
                                + "增长主要原因是本部门加大医保基金安全监管力度。"));
    }

    /** 12 tables × 300 rows of a 功能分类 shape (the last one printed empty): for size and speed. */
    public static PublishedBudget large(Stamp stamp) {
        List<PublishedTable> tables = new ArrayList<>();
        for (int t = 1; t <= 12; t++) {
            List<List<HeaderCell>> header = List.of(
                    List.of(h("功能分类科目", 0, 2, 1), h("预算数", 2, 4, 1)),
                    List.of(h("科目编码", 0, 1, 1), h("科目名称", 1, 1, 1), h("合计", 2, 1, 1), h("基本支出", 3, 1, 1),
                            h("项目支出", 4, 1, 1), h("上年结转", 5, 1, 1)));
            List<ColumnSpec> columns = List.of(col("科目编码", Kind.CODE), col("科目名称", Kind.LABEL),
                    col("合计", Kind.AMOUNT), col("基本支出", Kind.AMOUNT), col("项目支出", Kind.AMOUNT),
                    col("上年结转", Kind.AMOUNT));
            if (t == 12) {
                tables.add(new PublishedTable(t, "国有资本经营预算支出表", "元", header, columns, List.of(),
                        "本单位无国有资本经营预算拨款，故本表无数据。"));
                continue;
            }
            List<PublishedRow> rows = new ArrayList<>();
            rows.add(new PublishedRow(0, true, List.of(B, t("合计"), yuan(t * 1_000_000_00L), yuan(t * 600_000_00L),
                    yuan(t * 400_000_00L), B)));
            for (int i = 1; i < 300; i++) {
                int level = i % 3;
                String code = switch (level) {
                    case 0 -> String.valueOf(200 + i / 3 % 30);
                    case 1 -> (200 + i / 3 % 30) + String.format("%02d", i % 97);
                    default -> (200 + i / 3 % 30) + String.format("%02d%02d", i % 97, i % 89);
                };
                long fen = 1_234_56L * i + t * 7_01L;
                rows.add(new PublishedRow(level, false, List.of(t(code), t("生成的科目名称第" + i + "行（表" + t + "）"),
                        yuan(fen * 2), yuan(fen), yuan(fen), i % 5 == 0 ? yuan(0) : B)));
            }
            tables.add(new PublishedTable(t, "生成的支出预算表" + t, "元", header, columns, rows, null));
        }
        List<NarrativeBlock> narrative = List.of(new NarrativeBlock("一、说明", "本预算为测试生成。".repeat(400)));
        return new PublishedBudget("测试单位2025年部门预算", "测试单位", 2025, stamp, tables, narrative);
    }

    // ---- small builders ----

    static final PublishedCell B = PublishedCell.BLANK;

    private static HeaderCell h(String text, int column, int colSpan, int rowSpan) {
        return new HeaderCell(text, column, colSpan, rowSpan);
    }

    private static ColumnSpec col(String title, Kind kind) {
        return new ColumnSpec(title, kind);
    }

    private static PublishedCell t(String text) {
        return PublishedCell.text(text);
    }

    /**
     * A figure of a 万元 table: shown with 2 decimals, and an exact 元 amount that is not simply the
     * shown figure × 10,000 (it was rounded), so the JSON test can tell the two apart.
     */
    static PublishedCell w(String wan) {
        if (wan.isEmpty()) {
            return B;
        }
        BigDecimal shown = new BigDecimal(wan);
        long fen = shown.movePointRight(6).longValueExact() + 12_34L;
        return new PublishedCell.Amount(shown, Money.ofFen(fen));
    }

    /** A figure of a 元 table: shown and exact are the same amount. */
    static PublishedCell yuan(long fen) {
        return new PublishedCell.Amount(BigDecimal.valueOf(fen, 2), Money.ofFen(fen));
    }

    private static PublishedRow row(int level, boolean total, PublishedCell... cells) {
        return new PublishedRow(level, total, List.of(cells));
    }

    private static List<PublishedRow> codeRows(String[][] lines) {
        List<PublishedRow> rows = new ArrayList<>();
        for (String[] line : lines) {
            String code = line[0];
            int level = code.isEmpty() ? 0 : code.length() == 3 ? 0 : code.length() == 5 ? 1 : 2;
            rows.add(new PublishedRow(level, code.isEmpty(), List.of(t(code), t(line[1]), w(line[2]), w(line[3]), w(line[4]))));
        }
        return rows;
    }
}
