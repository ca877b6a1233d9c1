package io.yusuan.domain.rules.narrative;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import java.math.BigDecimal;

/**
 * The figures of the three seeds' own tables, typed by hand from the printed tables (they are the
 * facts the 说明 must agree with), under the section, row and column keys of the shipped templates
 * (tables the templates do not have yet get keys of their own). Row labels are added as printed;
 * code rows under their code and their name; column totals under the column's name.
 */
final class SeedFigures {

    private final SimpleFigureIndex index = new SimpleFigureIndex();
    private final BigDecimal unit;
    private String section;
    private String table;

    private SeedFigures(String unit) {
        this.unit = new BigDecimal(unit);
    }

    private SeedFigures table(String section, String table) {
        this.section = section;
        this.table = table;
        return this;
    }

    private Money money(String printed) {
        return Money.ofFen(new BigDecimal(printed).multiply(unit).movePointRight(2).longValueExact());
    }

    /** A fixed row: «row column 印刷标签 amount». */
    private SeedFigures row(String row, String column, String label, String amount) {
        index.add(label, new CellRef(section, row, column), money(amount), table);
        return this;
    }

    /** Code rows, one per line: «code name amount» (the total column). */
    private SeedFigures codes(String lines) {
        for (String line : lines.strip().split("\n")) {
            String[] f = line.strip().split("\\s+");
            CellRef cell = new CellRef(section, f[0], "total");
            index.add(f[0], cell, money(f[2]), table);
            index.add(f[1], cell, money(f[2]), table);
        }
        return this;
    }

    /** The 合计 row of a column, under one or more names («基本支出»). */
    private SeedFigures column(String column, String amount, String... names) {
        for (String name : names) {
            index.add(name, new CellRef(section, "total", column), money(amount), table);
        }
        return this;
    }

    private SeedFigures publicTotal(String amount) {
        index.publicExpenseTotal(new CellRef(section, "total", "public"), money(amount), table);
        return this;
    }

    /** 001 宿州市医疗保障局 2024, 万元. */
    static SimpleFigureIndex seed001() {
        SeedFigures f = new SeedFigures("10000");
        f.table("fin_summary", "财政拨款收支总表")
                .row("carry_over", "amount", "一、上年结转", "260.64")
                .row("carry_gpb", "amount", "（一）一般公共预算拨款", "260.64")
                .row("cur_income", "amount", "二、本年收入", "1512.56")
                .row("cur_gpb", "amount", "（一）一般公共预算拨款", "1512.56")
                .row("cur_gpb_regular", "amount", "经常收入拨款", "1212.77")
                .row("cur_gpb_nontax", "amount", "国库管理非税收入", "299.78")
                .row("income_total", "amount", "收入总计", "1773.19")
                .row("exp_current", "total", "一、本年支出", "1773.19")
                .row("exp_201", "total", "（一）一般公共服务支出", "125.50")
                .row("exp_208", "total", "（八）社会保障和就业支出", "402.17")
                .row("exp_210", "total", "（十）卫生健康支出", "1127.50")
                .row("exp_221", "total", "（二十）住房保障支出", "118.02")
                .row("exp_total", "total", "支出总计", "1773.19");
        f.table("gp_exp", "一般公共预算支出表").codes(FUNCTIONS_001)
                .column("total", "1773.19", "合计")
                .column("basic", "1088.71", "基本支出")
                .column("project", "684.49", "项目支出");
        f.table("basic_exp", "一般公共预算基本支出表").codes("""
                301 工资福利支出 895.11
                30101 基本工资 186.43
                30102 津贴补贴 114.92
                30103 奖金 152.88
                30106 伙食补助费 68.75
                30107 绩效工资 27.21
                30108 机关事业单位基本养老保险缴费 99.18
                30109 职业年金缴费 49.89
                30110 职工基本医疗保险缴费 46.51
                30111 公务员医疗补助缴费 4.78
                30112 其他社会保障缴费 0.93
                30113 住房公积金 92.02
                30199 其他工资福利支出 51.60
                302 商品和服务支出 183.00
                30201 办公费 9.78
                30202 印刷费 2.00
                30203 咨询费 4.40
                30206 电费 4.70
                30207 邮电费 6.52
                30209 物业管理费 12.60
                30211 差旅费 2.00
                30213 维修（护）费 2.00
                30214 租赁费 2.40
                30215 会议费 22
                30217 公务接待费 3.00
                30218 专用材料费 2.99
                30226 劳务费 6.50
                30228 工会经费 43.27
                30229 福利费 6.65
                30239 其他交通费用 28.90
                30299 其他商品和服务支出 23.30
                303 对个人和家庭的补助 10.60
                30302 退休费 10.17
                30307 医疗费补助 0.43
                """)
                .column("total", "1088.71", "合计")
                .column("personnel", "905.71", "人员经费")
                .column("public", "183.00", "公用经费")
                .publicTotal("183.00");
        f.table("dept_summary", "收支预算总表")
                .row("cur_gpb", "amount", "一、一般公共预算拨款收入", "1773.19")
                .row("cur_transfer", "amount", "五、上级转移支付(提前下达公共预算)", "1.43")
                .row("income_total", "amount", "收 入 总 计", "1774.62")
                .row("exp_201", "amount", "(一) 一般公共服务支出", "125.50")
                .row("exp_208", "amount", "(八) 社会保障和就业支出", "402.17")
                .row("exp_210", "amount", "(十) 卫生健康支出", "1128.93")
                .row("exp_221", "amount", "(二十) 住房保障支出", "118.02")
                .row("exp_total", "amount", "支 出 总 计", "1774.62");
        f.table("dept_income", "收入预算总表").codes(FUNCTIONS_001.replace("1127.50", "1128.93")
                        .replace("924.96", "926.39").replace("76.55", "77.97"))
                .column("total", "1774.62", "合计")
                .column("gpb", "1773.19", "一般公共预算拨款收入")
                .column("transfer", "1.43", "上级转移支付(提前下达一般公共预算)");
        f.table("dept_exp", "支出预算总表").codes(FUNCTIONS_001.replace("1127.50", "1128.93")
                        .replace("924.96", "926.39").replace("76.55", "77.97"))
                .column("total", "1774.62", "合计")
                .column("basic", "1088.71", "基本支出")
                .column("project", "685.92", "项目支出");
        return f.index;
    }

    private static final String FUNCTIONS_001 = """
            201 一般公共服务支出 125.50
            20199 其他一般公共服务支出 125.50
            2019999 其他一般公共服务支出 125.50
            208 社会保障和就业支出 402.17
            20801 人力资源和社会保障管理事务 252.89
            2080109 社会保险经办机构 252.89
            20805 行政事业单位养老支出 149.06
            2080505 机关事业单位基本养老保险缴费支出 99.18
            2080506 机关事业单位职业年金缴费支出 49.89
            20899 其他社会保障和就业支出 0.22
            2089999 其他社会保障和就业支出 0.22
            210 卫生健康支出 1127.50
            21001 卫生健康管理事务 151.16
            2100199 其他卫生健康管理事务支出 151.16
            21011 行政事业单位医疗 51.38
            2101101 行政单位医疗 26.11
            2101102 事业单位医疗 20.49
            2101103 公务员医疗补助 4.78
            21015 医疗保障管理事务 924.96
            2101501 行政运行 416.25
            2101502 一般行政管理事务 168.17
            2101505 医疗保障政策管理 163.11
            2101550 事业运行 100.89
            2101599 其他医疗保障管理事务支出 76.55
            221 住房保障支出 118.02
            22102 住房改革支出 118.02
            2210201 住房公积金 92.02
            2210202 提租补贴 26.00
            """;

    /** 002 西乡县医疗保险业务经办中心 2024, 元. */
    static SimpleFigureIndex seed002() {
        SeedFigures f = new SeedFigures("1");
        for (String[] t : new String[][] {{"dept_summary", "部门综合预算收支总表", "一、部门预算"},
                {"fin_summary", "部门综合预算财政拨款收支总表", "一、财政拨款"}}) {
            f.table(t[0], t[1])
                    .row("cur_all", "amount", t[2], "2368819.00")
                    .row("cur_gpb", "amount", "(1)一般公共预算拨款", "2368819.00")
                    .row("cur_gf", "amount", "(2)政府性基金拨款", "0.00")
                    .row("cur_income", "amount", "本年收入合计", "2368819.00")
                    .row("income_total", "amount", "收入总计", "2368819.00")
                    .row("exp_208", "amount", "8、社会保障和就业支出", "242689.00")
                    .row("exp_210", "amount", "10、卫生健康支出", "1944113.00")
                    .row("exp_221", "amount", "20、住房保障支出", "182017.00")
                    .row("exp_current", "amount", "本年支出合计", "2368819.00")
                    .row("exp_total", "amount", "支出总计", "2368819.00")
                    .row("econ_basic", "amount", "1、人员经费和公用经费支出", "2288819.00")
                    .row("econ_basic_301", "amount", "(1)工资福利支出", "2136479.00")
                    .row("econ_basic_302", "amount", "(2)商品和服务支出", "151800.00")
                    .row("econ_basic_303", "amount", "(3)对个人和家庭的补助", "540.00")
                    .row("econ_project", "amount", "2、专项业务经费支出", "80000.00")
                    .row("econ_project_301", "amount", "(1)工资福利支出", "0.00")
                    .row("econ_project_302", "amount", "(2)商品和服务支出", "80000.00")
                    .row("gov_505", "amount", "5、对事业单位经常性补助", "2368279.00")
                    .row("gov_505", "amount", "505", "2368279.00")
                    .row("gov_509", "amount", "9、对个人和家庭的补助", "540.00")
                    .row("gov_509", "amount", "509", "540.00");
        }
        f.table("gp_exp", "一般公共预算支出明细表（按支出功能分类科目）").codes("""
                        208 社会保障和就业支出 242689
                        20805 行政事业单位养老支出 242689
                        2080505 机关事业单位基本养老保险缴费支出 242689
                        210 卫生健康支出 1944113
                        21011 行政事业单位医疗 98593
                        2101102 事业单位医疗 98593
                        21015 医疗保障管理事务 1845520
                        2101506 医疗保障经办事务 1845520
                        221 住房保障支出 182017
                        22102 住房改革支出 182017
                        2210201 住房公积金 182017
                        """)
                .column("total", "2368819", "合计")
                .column("personnel", "2137019", "人员经费", "人员经费支出")
                .column("public", "151800", "公用经费", "公用经费支出")
                .column("project", "80000", "专项业务经费", "专项业务经费支出");
        f.table("gp_econ", "一般公共预算支出明细表（按支出经济分类科目）").codes(ECONOMIC_002.replace("151800", "231800")
                        .replace("65416", "82416").replace("30202 印刷费 0", "30202 印刷费 20000")
                        .replace("36000", "66000").replace("30213 维修（护）费 10000", "30213 维修（护）费 18000")
                        .replace("30214 租赁费 10000", "30214 租赁费 15000").replace("30309 奖励金", "30309 奖金"))
                .column("total", "2368819", "合计")
                .column("personnel", "2137019", "人员经费", "人员经费支出")
                .column("public", "151800", "公用经费", "公用经费支出")
                .column("project", "80000", "专项业务经费", "专项业务经费支出");
        f.table("basic_func", "一般公共预算基本支出明细表（按支出功能分类科目）").codes("""
                        208 社会保障和就业支出 242689
                        20805 行政事业单位养老支出 242689
                        2080505 机关事业单位基本养老保险缴费支出 242689
                        210 卫生健康支出 1864113
                        21011 行政事业单位医疗 98593
                        2101102 事业单位医疗 98593
                        21015 医疗保障管理事务 1765520
                        2101506 医疗保障经办事务 1765520
                        221 住房保障支出 182017
                        22102 住房改革支出 182017
                        2210201 住房公积金 182017
                        """)
                .column("total", "2288819", "合计")
                .column("personnel", "2137019", "人员经费", "人员经费支出")
                .column("public", "151800", "公用经费", "公用经费支出");
        f.table("basic_exp", "一般公共预算基本支出明细表（支出经济分类科目）").codes(ECONOMIC_002.replace("30202 印刷费 0\n", ""))
                .column("total", "2288819", "合计")
                .column("personnel", "2137019", "人员经费", "人员经费支出")
                .column("public", "151800", "公用经费", "公用经费支出")
                .publicTotal("151800");
        return f.index;
    }

    /** 表8 as printed (表6 differs in the 302 lines, which also carry 专项业务经费). */
    private static final String ECONOMIC_002 = """
            301 工资福利支出 2136479
            30101 基本工资 896928
            30102 津贴补贴 52900
            30103 奖金 70336
            30107 绩效工资 549540
            30108 机关事业单位基本养老保险缴费 242689
            30110 职工基本医疗保险缴费 98593
            30112 其他社会保障缴费 22086
            30113 住房公积金 182017
            30199 其他工资福利支出 21390
            302 商品和服务支出 151800
            30201 办公费 65416
            30202 印刷费 0
            30211 差旅费 36000
            30213 维修（护）费 10000
            30214 租赁费 10000
            30228 工会经费 30384
            303 对个人和家庭的补助 540
            30309 奖励金 540
            """;

    /** 003 南宫市医疗保障局 2023, 元. */
    static SimpleFigureIndex seed003() {
        SeedFigures f = new SeedFigures("1");
        f.table("dept_summary", "部门预算收支总表")
                .row("cur_gpb", "amount", "一、一般公共预算拨款收入", "68100200.00")
                .row("cur_income", "amount", "本年收入合计", "68100200.00")
                .row("income_total", "amount", "收入总计", "68100200.00")
                .row("exp_208", "amount", "八、社会保障和就业支出", "50000.00")
                .row("exp_210", "amount", "十、卫生健康支出", "68050200.00")
                .row("exp_current", "amount", "本年支出合计", "68100200.00")
                .row("exp_total", "amount", "支出总计", "68100200.00");
        f.table("dept_income", "部门预算收入总表").codes(FUNCTIONS_003).column("total", "68100200.00", "合计");
        f.table("dept_exp", "部门预算支出总表").codes(FUNCTIONS_003)
                .column("total", "68100200.00", "合计")
                .column("basic", "3418000.00", "基本支出")
                .column("project", "64682200.00", "项目支出");
        f.table("fin_summary", "部门预算财政拨款收支总表")
                .row("cur_gpb", "amount", "一、一般公共预算拨款", "68100200.00")
                .row("cur_income", "amount", "本年收入合计", "68100200.00")
                .row("income_total", "amount", "收入总计", "68100200.00")
                .row("exp_208", "total", "八、社会保障和就业支出", "50000.00")
                .row("exp_210", "total", "十、卫生健康支出", "68050200.00")
                .row("exp_current", "total", "本年支出合计", "68100200.00")
                .row("exp_total", "total", "支出总计", "68100200.00");
        f.table("gp_exp", "部门预算一般公共预算财政拨款支出表").codes(FUNCTIONS_003)
                .column("total", "68100200.00", "合计")
                .column("basic", "3418000.00", "基本支出")
                .column("project", "64682200.00", "项目支出");
        f.table("basic_exp", "部门预算一般公共预算财政拨款基本支出表").codes("""
                        301 工资福利支出 3210000.00
                        30101 基本工资 1410000.00
                        30102 津贴补贴 130000.00
                        30103 奖金 110000.00
                        30107 绩效工资 750000.00
                        30108 机关事业单位基本养老保险缴费 330000.00
                        30110 职工基本医疗保险缴费 200000.00
                        30112 其他社会保障缴费 30000.00
                        30113 住房公积金 250000.00
                        302 商品和服务支出 188000.00
                        30201 办公费 108000.00
                        30228 工会经费 21000.00
                        30229 福利费 12000.00
                        30239 其他交通费用 47000.00
                        303 对个人和家庭的补助 20000.00
                        30302 退休费 20000.00
                        """)
                .column("total", "3418000.00", "合计")
                .column("personnel", "3230000.00", "人员经费")
                .column("public", "188000.00", "公用经费")
                .publicTotal("188000.00");
        f.table("three_public", "部门预算财政拨款“三公”经费支出表")
                .row("total", "total", "合计", "0")
                .row("subtotal", "total", "“三公”经费小计", "0")
                .row("abroad", "total", "一、因公出国（境）费", "0")
                .row("vehicle", "total", "二、公务用车购置及运维费", "0")
                .row("reception", "total", "三、公务接待费", "0");
        return f.index;
    }

    private static final String FUNCTIONS_003 = """
            208 社会保障和就业支出 50000.00
            20899 其他社会保障和就业支出 50000.00
            2089999 其他社会保障和就业支出 50000.00
            210 卫生健康支出 68050200.00
            21012 财政对基本医疗保险基金的补助 51906700.00
            2101201 财政对职工基本医疗保险基金的补助 696000.00
            2101202 财政对城乡居民基本医疗保险基金的补助 51210700.00
            21013 医疗救助 9162500.00
            2101301 城乡医疗救助 9162500.00
            21015 医疗保障管理事务 6981000.00
            2101501 行政运行 3701000.00
            2101599 其他医疗保障管理事务支出 3280000.00
            """;
}
