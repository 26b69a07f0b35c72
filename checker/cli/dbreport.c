/* SPDX-License-Identifier: MIT */
/*
 * `fundcheck report` and `fundcheck diff`: what a regulator reads from a
 * findings database. Both read the views of docs/database.md (the current
 * filing of each fund and period), so they agree with the auditor guide.
 * Output is deterministic (sorted; the only times are those the database
 * records for its runs), in text, CSV, JSON or HTML (dbreport_html.c).
 *
 * report: totals, then counts (violation / warning / notice not exempted,
 *   and exempted) by category, severity, province, region, government level
 *   and fund. --dump prints the test dump of store.h instead.
 * diff A B: findings new in B, resolved since A and unchanged. A and B are
 *   run ids (findings of the filings each run saw), or periods given as
 *   period-end dates (YYYY-MM-DD) or quarters (2026Q1).
 */
#include "dbreport.h"
#include "diff_formats.h"

#include "buf.h"
#include "ck.h"
#include "cli.h"
#include "evaluate.h"
#include "layout.h"
#include "mem.h"
#include "report.h"
#include "rules.h"
#include "store.h"

#include <errno.h>
#include <getopt.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { R_DB = 1200, R_FORMAT, R_LANG, R_DUMP, R_HELP, R_LAYOUT, R_MIN_FUNDS, R_MIN_SHARE, R_EVALUATE, R_THRESHOLDS,
       R_ONLY, R_FAIL_ON, R_OUTPUT, R_FUND, R_QUIET, R_MIN_SEV };

/* "text", "csv", "json" and, for report, "html" → CK_DBFMT_*; -1 when unknown. */
static int format_parse(const char *s, int html)
{
    static const char *const names[] = {"text", "csv", "json", "html"};
    for (int i = 0; i < (html ? 4 : 3); i++)
        if (strcmp(s, names[i]) == 0)
            return i;
    return -1;
}

static int report_format_parse(const char *name)
{
    return format_parse(name, 1);
}

static int parse_format(const char *cmd, const char *s, int *out)
{
    int html = strcmp(cmd, "report") == 0;
    if ((*out = format_parse(s, html)) < 0) {
        fprintf(stderr, "fundcheck %s: unknown format '%s' (text, json, csv%s)\n", cmd, s, html ? " or html" : "");
        return -1;
    }
    return 0;
}

const char *ck_dbreport_col(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? (const char *)t : "";
}
#define col ck_dbreport_col

void ck_dbreport_csv_row(FILE *out, const char *const *v, size_t n)
{
    struct ck_buf b;
    ck_buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        if (i)
            ck_buf_addc(&b, ',');
        ck_buf_csv_field(&b, v[i]);
    }
    ck_buf_addc(&b, '\n');
    fputs(ck_buf_str(&b), out);
    ck_buf_fini(&b);
}

static int db_fail(sqlite3 *db)
{
    fprintf(stderr, "fundcheck: %s\n", sqlite3_errmsg(db));
    return CK_EXIT_SYSTEM;
}

/* ---- what the report's modules share ---- */

const char ck_dbreport_runs_sql[] =
    "SELECT run_id, started_at, coalesce(ended_at, ''), coalesce(status, ''), coalesce(lookthrough, ''),"
    " coalesce(n_checked, 0), coalesce(n_skipped, 0), coalesce(n_errors, 0), coalesce(n_findings, 0),"
    " coalesce(status, '') IN ('interrupted', 'running'),"
    " coalesce(lookthrough, '') <> 'done' AND EXISTS (SELECT 1 FROM lt_pending)"
    "   AND run_id > coalesce((SELECT max(run_id) FROM runs WHERE lookthrough = 'done'), 0)"
    " FROM runs ORDER BY run_id";

const char ck_dbreport_errors_sql[] =
    "SELECT path, coalesce(error_line, 0), coalesce(error_message, ''), run_id FROM v_error_filings"
    " ORDER BY path, filing_pk";

const char *ck_dbreport_run_status(const char *status, int lang)
{
    static const char *const t[][3] = {
        {"complete", "完成", "complete"},
        {"interrupted", "已中断", "interrupted"},
        {"running", "未结束（已中断或仍在进行）", "did not end (interrupted or still running)"},
    };
    for (size_t i = 0; i < CK_ARRAY_LEN(t); i++)
        if (strcmp(status, t[i][0]) == 0)
            return t[i][lang == CK_LANG_EN ? 2 : 1];
    return *status ? status : (lang == CK_LANG_EN ? "unknown" : "未知");
}

void ck_dbfinding_select(struct ck_buf *sql, const char *where)
{
    /* v_findings has neither the explanation nor the catalogue edition:
     * those come from the stored row (finding_rows, texts) */
    ck_buf_adds(sql, "SELECT * FROM (SELECT v.finding_pk, coalesce(v.line, 0), v.severity_rank, v.exempted, v.derived,"
                     " v.fund_uscc, v.fund_name, v.period_end, v.path, v.holding_id, v.item, v.xpath, v.rule_id,"
                     " v.category, v.severity, v.title_zh, v.title_en, v.message_zh, v.message_en, v.evidence_zh,"
                     " v.evidence_en, tx.body, v.legal_basis, v.chain, fr.catalog_edition, v.exempted_by,"
                     " v.exempt_authority, v.exempt_from, v.exempt_until, v.line AS line_, v.rule_id AS rule_"
                     " FROM v_findings v JOIN finding_rows fr ON fr.finding_pk = v.finding_pk"
                     " LEFT JOIN texts tx ON tx.text_id = fr.explanation)");
    /* where is a constant fragment of the callers' code; values are bound (?1) */
    if (*where) {
        ck_buf_adds(sql, " WHERE ");
        ck_buf_adds(sql, where);
    }
    ck_buf_adds(sql, " ORDER BY 6, 8, 9, line_, rule_, 1");
}

void ck_dbfinding_read(sqlite3_stmt *s, int lang, struct ck_dbfinding *f)
{
    int E = lang == CK_LANG_EN;
    f->pk = sqlite3_column_int64(s, 0);
    f->line = sqlite3_column_int64(s, 1);
    f->severity_rank = sqlite3_column_int(s, 2);
    f->exempted = sqlite3_column_int(s, 3);
    f->derived = sqlite3_column_int(s, 4);
    f->fund_uscc = col(s, 5);
    f->fund_name = col(s, 6);
    f->period_end = col(s, 7);
    f->path = col(s, 8);
    f->holding = col(s, 9);
    f->item = col(s, 10);
    f->xpath = col(s, 11);
    f->rule = col(s, 12);
    f->category = col(s, 13);
    f->severity = col(s, 14);
    f->title = col(s, E ? 16 : 15);
    f->message = col(s, E ? 18 : 17);
    f->evidence = col(s, E ? 20 : 19);
    f->explanation = col(s, 21);
    f->basis = col(s, 22);
    f->chain = col(s, 23);
    f->catalog_edition = col(s, 24);
    f->exempted_by = col(s, 25);
    f->exempt_authority = col(s, 26);
    f->exempt_from = col(s, 27);
    f->exempt_until = col(s, 28);
}

/* ---- report ---- */

struct dim {
    const char *id;       /* JSON / CSV name */
    const char *zh, *en;  /* headings */
    const char *key, *name; /* SQL expressions over v_findings */
};

static const struct dim dims[] = {
    {"category", "按类别", "by category", "category", "''"},
    {"severity", "按严重程度", "by severity", "severity", "''"},
    {"province", "按省份（区划代码前两位）", "by province (first two digits of the region code)", "province", "''"},
    {"region", "按地区", "by region", "region", "''"},
    {"govLevel", "按政府层级", "by government level", "gov_level", "''"},
    {"fund", "按基金", "by fund", "fund_uscc", "max(fund_name)"},
};

const char *ck_dbreport_label(const char *dim, const char *key, int lang)
{
    static const char *const levels[][2] = {
        {"central", "中央"}, {"provincial", "省级"}, {"municipal", "市级"}, {"county", "县级"}};
    if (lang == CK_LANG_EN || *key == '\0')
        return NULL;
    if (strcmp(dim, "category") == 0)
        return ck_report_category_label(key, lang);
    if (strcmp(dim, "severity") == 0) {
        int sev = ck_severity_parse(key);
        return sev >= 0 ? ck_severity_label(sev, lang) : NULL;
    }
    if (strcmp(dim, "govLevel") == 0)
        for (size_t i = 0; i < CK_ARRAY_LEN(levels); i++)
            if (strcmp(levels[i][0], key) == 0)
                return levels[i][1];
    return NULL;
}

static const char report_help_zh[] =
    "用法：fundcheck report --db 文件 [--format text|json|csv|html] [--output 格式=路径]... [--quiet]\n"
    "                      [--min-severity 级别] [--lang zh|en] [--dump]\n"
    "      fundcheck report --db 文件 --fund 统一社会信用代码 [--format text|json|csv|html] [--output 格式=路径]...\n"
    "                      [--min-severity 级别]\n"
    "      fundcheck report --db 文件 --layout [--format text|csv] [--min-funds N] [--min-share X]\n"
    "      fundcheck report --db 文件 --evaluate [--thresholds 文件]\n"
    "\n"
    "汇总发现数据库：各基金各报告期的现行报送，按类别、级别、省份、地区、政府层级和基金统计的\n"
    "发现（未豁免的违规、警告、提示；已豁免的另列），以及运行记录（含中断的运行）和无法检查的文件。\n"
    "--format html：一个可离线打开的自包含网页（图表、各基金投向指标与限额、每项发现及其依据、\n"
    "豁免、无法检查的文件、运行、同质化布局）。--output 格式=路径 另写一份到文件（可重复）；\n"
    "--quiet 标准输出不打印报告；--min-severity 级别 只列出达到该级别的发现（计数与图表仍为全部）。\n"
    "--dump 按固定顺序输出每张表，不含运行编号与时间戳（用于比较数据库）。\n"
    "\n"
    "--fund 代码：只看一只基金：各报告期的报送、发现、投向指标、限额与穿透链；数据库中没有该基金时\n"
    "退出码为 3。\n"
    "\n"
    "--layout：基金间的同质化布局，取每只基金最新的报送：按省份与 GB/T 4754 大类列出基金、\n"
    "层级与投资额；同一省份至少 N 只基金（--min-funds，默认 3）各以不少于 X 的投资额\n"
    "（--min-share，默认 0.2）投向的大类；以及各省基金大类投资向量两两余弦相似度的均值\n"
    "（docs/metrics.md）。\n"
    "\n"
    "--evaluate：按基金（其最新报告期）列出 1753号 评价所计分的指标，取自 scan 存储的指标，\n"
    "每项对照其阈值并注明阈值来源与可信度（rules/evaluation-1753.tsv 或 --thresholds 文件），\n"
    "与 `fundcheck evaluate` 相同。\n";

static const char report_help_en[] =
    "usage: fundcheck report --db FILE [--format text|json|csv|html] [--output FORMAT=PATH]... [--quiet]\n"
    "                        [--min-severity LEVEL] [--lang zh|en] [--dump]\n"
    "       fundcheck report --db FILE --fund USCC [--format text|json|csv|html] [--output FORMAT=PATH]...\n"
    "                        [--min-severity LEVEL]\n"
    "       fundcheck report --db FILE --layout [--format text|csv] [--min-funds N] [--min-share X]\n"
    "       fundcheck report --db FILE --evaluate [--thresholds FILE]\n"
    "\n"
    "Summarises a findings database: the current filing of each fund and period, findings\n"
    "by category, severity, province, region, government level and fund (violation, warning,\n"
    "notice not exempted; exempted separately), the runs (interrupted ones included) and the\n"
    "files that could not be checked. --format html: one self-contained page that opens offline\n"
    "(charts, each fund's direction metrics and limits, every finding with its legal basis,\n"
    "exemptions, files that could not be checked, runs, crowding). --output FORMAT=PATH also\n"
    "writes a report to a file (repeatable); --quiet prints no report on standard output;\n"
    "--min-severity LEVEL lists only findings at or above LEVEL (counts and charts stay complete).\n"
    "--dump prints every table in a fixed order without run ids or timestamps (for comparing\n"
    "databases).\n"
    "\n"
    "--fund USCC: one fund only: its filings by period, findings, direction metrics, limits and\n"
    "look-through chains; exit 3 when the database has no filing of that fund.\n"
    "\n"
    "--layout: crowding across funds (同质化), from the latest filing of each fund: per province\n"
    "and GB/T 4754 division the funds, their levels and the invested amount; divisions where at\n"
    "least N funds of one province (--min-funds, default 3) each put at least X of their invested\n"
    "amount (--min-share, default 0.2); and per province the mean pairwise cosine similarity of\n"
    "the funds' division-investment vectors (docs/metrics.md).\n"
    "\n"
    "--evaluate: per fund (its latest period), the indicators the 1753号 evaluation scores, from\n"
    "the metrics scan stored, each against its threshold with the threshold's source and\n"
    "confidence (rules/evaluation-1753.tsv, or --thresholds FILE), as `fundcheck evaluate`.\n";

static long long scalar(sqlite3 *db, const char *sql, int *ok)
{
    sqlite3_stmt *s = NULL;
    long long v = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK || sqlite3_step(s) != SQLITE_ROW)
        *ok = 0;
    else
        v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

void ck_dbreport_warnings(sqlite3 *db, int lang, struct ck_buf *out)
{
    int E = lang == CK_LANG_EN;
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT run_id, started_at, coalesce(n_checked, 0), status FROM runs"
                           " WHERE status IN ('interrupted', 'running')"
                           " AND run_id > coalesce((SELECT max(run_id) FROM runs WHERE status = 'complete'), 0)"
                           " ORDER BY run_id",
                           -1, &s, NULL) == SQLITE_OK) {
        while (sqlite3_step(s) == SQLITE_ROW) {
            int running = strcmp(col(s, 3), "running") == 0;
            if (running)
                ck_buf_printf(out,
                              E ? "warning: run %lld (started %s) did not end: interrupted (killed) or still running\n"
                                : "警告：运行 %lld（开始于 %s）未正常结束：已中断（进程被终止）或仍在进行\n",
                              sqlite3_column_int64(s, 0), col(s, 1));
            else
                ck_buf_printf(out,
                              E ? "warning: run %lld (started %s) was interrupted after %lld filing(s) checked\n"
                                : "警告：运行 %lld（开始于 %s）已中断，中断前检查了 %lld 份申报\n",
                              sqlite3_column_int64(s, 0), col(s, 1), sqlite3_column_int64(s, 2));
        }
    }
    sqlite3_finalize(s);
    s = NULL;
    if (sqlite3_prepare_v2(db, "SELECT count(*), sum(fund_uscc = '*') FROM lt_pending", -1, &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int64(s, 0) > 0) {
        if (sqlite3_column_int64(s, 1) > 0)
            ck_buf_adds(out, E ? "warning: look-through findings are missing (not computed since the last change);"
                                 " run fundcheck scan or merge on this database to compute them\n"
                               : "警告：穿透检查结果缺失（最近一次变更后尚未计算）；对本数据库再运行 fundcheck scan 或 merge 即可补做\n");
        else
            ck_buf_printf(out,
                          E ? "warning: look-through findings are missing for %lld fund(s) whose filings changed;"
                              " run fundcheck scan or merge on this database to compute them\n"
                            : "警告：%lld 个基金的申报有变化而穿透检查结果缺失；对本数据库再运行 fundcheck scan 或 merge 即可补做\n",
                          sqlite3_column_int64(s, 0));
    }
    sqlite3_finalize(s);
}

/* Appends the lines of text (each ending in '\n') to b as a JSON array. */
static void json_lines(struct ck_buf *b, const char *text)
{
    ck_buf_addc(b, '[');
    for (int first = 1; *text; first = 0) {
        size_t n = strcspn(text, "\n");
        char *line = ck_strndup(text, n);
        if (!first)
            ck_buf_addc(b, ',');
        ck_buf_json_str(b, line);
        free(line);
        text += n + (text[n] == '\n');
    }
    ck_buf_addc(b, ']');
}

/* The runs and the files that could not be checked, after the counts:
 * text tables or the JSON members "runs" and "errorFilings". */
static int runs_and_errors(FILE *out, sqlite3 *db, int fmt, int lang)
{
    int E = lang == CK_LANG_EN, rc;
    sqlite3_stmt *s = NULL;
    struct ck_buf b;
    ck_buf_init(&b);
    if (sqlite3_prepare_v2(db, ck_dbreport_runs_sql, -1, &s, NULL) != SQLITE_OK)
        goto fail;
    if (fmt == CK_DBFMT_TEXT)
        ck_buf_adds(&b, E ? "\nruns\n  run  started               ended                 checked skipped errors  status\n"
                          : "\n运行\n  编号  开始                  结束                  检查  跳过  无法检查  状态\n");
    else
        ck_buf_adds(&b, ",\"runs\":[");
    for (int first = 1; (rc = sqlite3_step(s)) == SQLITE_ROW; first = 0) {
        long long id = sqlite3_column_int64(s, 0);
        int unfinished = sqlite3_column_int(s, 9), lt_missing = sqlite3_column_int(s, 10);
        if (fmt == CK_DBFMT_TEXT) {
            ck_buf_printf(&b, "  %lld  %-20s  %-20s  %lld  %lld  %lld  %s", id, col(s, 1), *col(s, 2) ? col(s, 2) : "-",
                          sqlite3_column_int64(s, 5), sqlite3_column_int64(s, 6), sqlite3_column_int64(s, 7),
                          ck_dbreport_run_status(col(s, 3), lang));
            if (lt_missing)
                ck_buf_adds(&b, E ? "; look-through missing" : "；穿透检查结果缺失");
            ck_buf_addc(&b, '\n');
        } else {
            ck_buf_printf(&b, "%s{\"run\":%lld,\"startedAt\":", first ? "" : ",", id);
            ck_buf_json_str(&b, col(s, 1));
            ck_buf_adds(&b, ",\"endedAt\":");
            if (*col(s, 2))
                ck_buf_json_str(&b, col(s, 2));
            else
                ck_buf_adds(&b, "null");
            ck_buf_adds(&b, ",\"status\":");
            ck_buf_json_str(&b, col(s, 3));
            ck_buf_adds(&b, ",\"lookthrough\":");
            ck_buf_json_str(&b, col(s, 4));
            ck_buf_printf(&b, ",\"checked\":%lld,\"skipped\":%lld,\"errors\":%lld,\"findings\":%lld,"
                              "\"interrupted\":%s,\"lookthroughMissing\":%s}",
                          sqlite3_column_int64(s, 5), sqlite3_column_int64(s, 6), sqlite3_column_int64(s, 7),
                          sqlite3_column_int64(s, 8), unfinished ? "true" : "false", lt_missing ? "true" : "false");
        }
    }
    sqlite3_finalize(s);
    s = NULL;
    if (rc != SQLITE_DONE || sqlite3_prepare_v2(db, ck_dbreport_errors_sql, -1, &s, NULL) != SQLITE_OK)
        goto fail;
    if (fmt == CK_DBFMT_TEXT)
        ck_buf_adds(&b, E ? "\nfiles that could not be checked\n" : "\n无法检查的文件\n");
    else
        ck_buf_adds(&b, "],\"errorFilings\":[");
    int n = 0;
    for (; (rc = sqlite3_step(s)) == SQLITE_ROW; n++) {
        if (fmt == CK_DBFMT_TEXT) {
            ck_buf_printf(&b, "  %s:%lld: %s\n", col(s, 0), sqlite3_column_int64(s, 1), col(s, 2));
        } else {
            ck_buf_adds(&b, n ? ",{\"path\":" : "{\"path\":");
            ck_buf_json_str(&b, col(s, 0));
            ck_buf_printf(&b, ",\"line\":%lld,\"message\":", sqlite3_column_int64(s, 1));
            ck_buf_json_str(&b, col(s, 2));
            ck_buf_printf(&b, ",\"run\":%lld}", sqlite3_column_int64(s, 3));
        }
    }
    if (rc != SQLITE_DONE)
        goto fail;
    if (fmt == CK_DBFMT_TEXT && n == 0)
        ck_buf_adds(&b, E ? "  (none)\n" : "  （无）\n");
    else if (fmt != CK_DBFMT_TEXT)
        ck_buf_adds(&b, "]");
    sqlite3_finalize(s);
    fputs(ck_buf_str(&b), out);
    ck_buf_fini(&b);
    return CK_EXIT_CLEAN;
fail:
    sqlite3_finalize(s);
    ck_buf_fini(&b);
    return db_fail(db);
}

static int report(FILE *out, sqlite3 *db, const char *path, int fmt, int lang)
{
    int E = lang == CK_LANG_EN, ok = 1;
    long long n_cur = scalar(db, "SELECT count(*) FROM v_current_filings", &ok);
    long long n_err = scalar(db, "SELECT count(*) FROM v_error_filings", &ok);
    long long n_runs = scalar(db, "SELECT count(*) FROM runs", &ok);
    long long tot[4];
    tot[0] = scalar(db, "SELECT count(*) FROM v_findings WHERE exempted = 0 AND severity_rank = 2", &ok);
    tot[1] = scalar(db, "SELECT count(*) FROM v_findings WHERE exempted = 0 AND severity_rank = 1", &ok);
    tot[2] = scalar(db, "SELECT count(*) FROM v_findings WHERE exempted = 0 AND severity_rank = 0", &ok);
    tot[3] = scalar(db, "SELECT count(*) FROM v_findings WHERE exempted = 1", &ok);
    if (!ok)
        return db_fail(db);
    struct ck_buf warn;
    ck_buf_init(&warn);
    ck_dbreport_warnings(db, lang, &warn);
    if (fmt == CK_DBFMT_TEXT) {
        fprintf(out, E ? "fundcheck findings report (database %s)\n" : "fundcheck 检查结果汇总（数据库 %s）\n", path);
        fprintf(out,
                E ? "filings: %lld current, %lld could not be checked; %lld run(s)\n"
                  : "申报：当前 %lld 份，无法检查 %lld 份；共 %lld 次运行\n",
                n_cur, n_err, n_runs);
        fprintf(out,
                E ? "findings: %lld violation(s), %lld warning(s), %lld notice(s); %lld exempted\n"
                  : "发现：违规 %lld 项，警告 %lld 项，提示 %lld 项；已豁免 %lld 项\n",
                tot[0], tot[1], tot[2], tot[3]);
        fputs(ck_buf_str(&warn), out);
    } else if (fmt == CK_DBFMT_CSV) {
        static const char *const head[] = {"dimension", "key", "name", "violation", "warning", "notice", "exempted"};
        fputs("\xEF\xBB\xBF", out); /* UTF-8 BOM: Excel on Chinese Windows */
        ck_dbreport_csv_row(out, head, CK_ARRAY_LEN(head));
        char v[4][32];
        for (int i = 0; i < 4; i++)
            snprintf(v[i], sizeof v[i], "%lld", tot[i]);
        const char *row[] = {"total", "", "", v[0], v[1], v[2], v[3]};
        ck_dbreport_csv_row(out, row, CK_ARRAY_LEN(row));
    } else {
        struct ck_buf b;
        ck_buf_init(&b);
        ck_buf_adds(&b, "{\"database\":");
        ck_buf_json_str(&b, path);
        ck_buf_printf(&b, ",\"filings\":{\"current\":%lld,\"error\":%lld},\"runs\":%lld,"
                          "\"totals\":{\"violation\":%lld,\"warning\":%lld,\"notice\":%lld,\"exempted\":%lld},"
                          "\"warnings\":",
                      n_cur, n_err, n_runs, tot[0], tot[1], tot[2], tot[3]);
        json_lines(&b, ck_buf_str(&warn));
        fputs(ck_buf_str(&b), out);
        ck_buf_fini(&b);
    }
    ck_buf_fini(&warn);
    for (size_t d = 0; d < CK_ARRAY_LEN(dims); d++) {
        struct ck_buf sql;
        ck_buf_init(&sql);
        ck_buf_printf(&sql,
                      "SELECT coalesce(%s, ''), coalesce(%s, ''),"
                      " sum(exempted = 0 AND severity_rank = 2), sum(exempted = 0 AND severity_rank = 1),"
                      " sum(exempted = 0 AND severity_rank = 0), sum(exempted)"
                      " FROM v_findings GROUP BY 1 ORDER BY %s1",
                      dims[d].key, dims[d].name,
                      strcmp(dims[d].id, "severity") == 0 ? "max(severity_rank) DESC, "
                      : strcmp(dims[d].id, "fund") == 0   ? "3 DESC, 4 DESC, 5 DESC, " /* most violations first */
                                                          : "");
        sqlite3_stmt *s = NULL;
        if (sqlite3_prepare_v2(db, ck_buf_str(&sql), -1, &s, NULL) != SQLITE_OK) {
            ck_buf_fini(&sql);
            return db_fail(db);
        }
        ck_buf_fini(&sql);
        if (fmt == CK_DBFMT_TEXT && strcmp(dims[d].id, "province") == 0)
            fprintf(out, "\n%s",
                    E ? "(province names are not available: the shared data has no GB/T 2260 table;"
                        " codes only)"
                      : "（省份名称不可用：共享数据中没有 GB/T 2260 区划名称表，仅列代码）");
        if (fmt == CK_DBFMT_TEXT)
            fprintf(out, "\n%s\n%s\n", E ? dims[d].en : dims[d].zh, /* CJK: two columns a character */
                    E ? "  violation   warning    notice  exempted  key"
                      : "       违规      警告      提示    已豁免  项目");
        else if (fmt == CK_DBFMT_JSON)
            fprintf(out, ",\"%s\":[", dims[d].id);
        int rc, first = 1;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            const char *key = col(s, 0), *name = col(s, 1);
            const char *label = ck_dbreport_label(dims[d].id, key, lang);
            if (label && *name == '\0')
                name = label;
            long long v[4];
            char vs[4][32];
            for (int i = 0; i < 4; i++) {
                v[i] = sqlite3_column_int64(s, i + 2);
                snprintf(vs[i], sizeof vs[i], "%lld", v[i]);
            }
            if (fmt == CK_DBFMT_TEXT) {
                struct ck_buf k;
                ck_buf_init(&k);
                ck_buf_adds(&k, *key ? key : "-");
                if (*name) {
                    ck_buf_addc(&k, ' ');
                    ck_buf_adds(&k, name);
                }
                fprintf(out, "  %9lld %9lld %9lld %9lld  %s\n", v[0], v[1], v[2], v[3], ck_buf_str(&k));
                ck_buf_fini(&k);
            } else if (fmt == CK_DBFMT_CSV) {
                const char *row[] = {dims[d].id, key, name, vs[0], vs[1], vs[2], vs[3]};
                ck_dbreport_csv_row(out, row, CK_ARRAY_LEN(row));
            } else {
                struct ck_buf b;
                ck_buf_init(&b);
                ck_buf_adds(&b, first ? "{\"key\":" : ",{\"key\":");
                ck_buf_json_str(&b, key);
                if (*name) {
                    ck_buf_adds(&b, ",\"name\":");
                    ck_buf_json_str(&b, name);
                }
                ck_buf_printf(&b, ",\"violation\":%lld,\"warning\":%lld,\"notice\":%lld,\"exempted\":%lld}",
                              v[0], v[1], v[2], v[3]);
                fputs(ck_buf_str(&b), out);
                ck_buf_fini(&b);
            }
            first = 0;
        }
        sqlite3_finalize(s);
        if (rc != SQLITE_DONE)
            return db_fail(db);
        if (fmt == CK_DBFMT_JSON)
            fputs("]", out);
    }
    if (fmt != CK_DBFMT_CSV) {
        int rc = runs_and_errors(out, db, fmt, lang);
        if (rc != CK_EXIT_CLEAN)
            return rc;
    }
    if (fmt == CK_DBFMT_JSON)
        fputs("}\n", out);
    return CK_EXIT_CLEAN;
}

static int open_db(const char *path, int lang, struct ck_store **st)
{
    char *err = NULL;
    if (ck_store_open(path, CK_STORE_EXISTING, lang, st, &err) != CK_OK) {
        fprintf(stderr, "fundcheck: %s\n", err);
        free(err);
        return CK_EXIT_SYSTEM;
    }
    return CK_EXIT_CLEAN;
}

struct report_out {
    int fmt;
    const char *path; /* "-": standard output */
};

static int render(FILE *out, const struct ck_dbreport_opts *j, int fmt)
{
    if (fmt == CK_DBFMT_HTML)
        return ck_dbreport_html(out, j);
    if (j->fund)
        return ck_dbreport_fund(out, j, fmt);
    return report(out, j->db, j->db_path, fmt, j->lang);
}

/* Writes one report to path ("-": standard output). */
static int render_to(const struct ck_dbreport_opts *j, int fmt, const char *path)
{
    int E = j->lang == CK_LANG_EN;
    if (strcmp(path, "-") == 0)
        return render(stdout, j, fmt);
    FILE *fp = fopen(path, "wb");
    if (fp == NULL) {
        fprintf(stderr, E ? "fundcheck report: %s: cannot write: %s\n" : "fundcheck report: %s: 无法写入：%s\n", path,
                strerror(errno));
        return CK_EXIT_SYSTEM;
    }
    int rc = render(fp, j, fmt);
    if (ferror(fp) | (fclose(fp) != 0)) {
        fprintf(stderr, E ? "fundcheck report: %s: write error\n" : "fundcheck report: %s: 写入出错\n", path);
        return CK_EXIT_SYSTEM;
    }
    return rc;
}

#define MAX_REPORT_OUTPUTS 8

int ck_dbreport_main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, R_DB},
        {"format", required_argument, NULL, R_FORMAT},
        {"output", required_argument, NULL, R_OUTPUT},
        {"fund", required_argument, NULL, R_FUND},
        {"quiet", no_argument, NULL, R_QUIET},
        {"min-severity", required_argument, NULL, R_MIN_SEV},
        {"lang", required_argument, NULL, R_LANG},
        {"dump", no_argument, NULL, R_DUMP},
        {"help", no_argument, NULL, R_HELP},
        {"layout", no_argument, NULL, R_LAYOUT},
        {"min-funds", required_argument, NULL, R_MIN_FUNDS},
        {"min-share", required_argument, NULL, R_MIN_SHARE},
        {"evaluate", no_argument, NULL, R_EVALUATE},
        {"thresholds", required_argument, NULL, R_THRESHOLDS},
        {NULL, 0, NULL, 0},
    };
    const char *db_path = NULL, *fund = NULL;
    int fmt = CK_DBFMT_TEXT, lang = ck_cli_lang_from_argv(argc, argv), dump = 0, layout = 0, evaluate = 0, c;
    int quiet = 0, min_rank = 0;
    const char *report_help = lang == CK_LANG_EN ? report_help_en : report_help_zh;
    const char *thresholds = NULL;
    struct ck_layout_opts lo = {0, CK_LANG_ZH, 3, 0.2};
    struct report_out outs[MAX_REPORT_OUTPUTS];
    size_t n_out = 0;
    char *end = NULL;
    optind = 1;
    while ((c = getopt_long(argc, argv, "qo:", longopts, NULL)) != -1) {
        switch (c) {
        case R_DB: db_path = optarg; break;
        case R_FORMAT:
            if (parse_format("report", optarg, &fmt) != 0)
                return CK_EXIT_USAGE;
            break;
        case 'o':
        case R_OUTPUT: {
            int f = -1;
            const char *opath = NULL;
            if (ck_cli_output_arg(optarg, report_format_parse, &f, &opath) != 0) {
                fprintf(stderr,
                        lang == CK_LANG_EN
                            ? "fundcheck report: --output takes FORMAT=PATH (text, json, csv or html; e.g. html=report.html), not '%s'\n"
                            : "fundcheck report：--output 须为 格式=路径（text、json、csv 或 html，如 html=report.html），而不是“%s”\n",
                        optarg);
                return CK_EXIT_USAGE;
            }
            if (n_out == MAX_REPORT_OUTPUTS) {
                fprintf(stderr, lang == CK_LANG_EN ? "fundcheck report: at most %d --output\n"
                                                   : "fundcheck report：--output 最多 %d 个\n",
                        MAX_REPORT_OUTPUTS);
                return CK_EXIT_USAGE;
            }
            outs[n_out].fmt = f;
            outs[n_out++].path = opath;
            break;
        }
        case R_FUND: fund = optarg; break;
        case R_MIN_SEV:
            if ((min_rank = ck_severity_parse(optarg)) < 0) {
                fprintf(stderr, lang == CK_LANG_EN ? "fundcheck report: unknown level '%s' (notice, warning, violation)\n"
                                                   : "fundcheck report：未知的级别“%s”（notice、warning、violation）\n",
                        optarg);
                return CK_EXIT_USAGE;
            }
            break;
        case 'q':
        case R_QUIET: quiet = 1; break;
        case R_LANG:
            if ((lang = ck_cli_parse_lang(optarg)) < 0) {
                fprintf(stderr, "fundcheck report: unknown language '%s' (zh or en)\n", optarg);
                return CK_EXIT_USAGE;
            }
            break;
        case R_DUMP: dump = 1; break;
        case R_LAYOUT: layout = 1; break;
        case R_EVALUATE: evaluate = 1; break; /* evaluate.c */
        case R_THRESHOLDS: thresholds = optarg; break;
        case R_MIN_FUNDS:
            lo.min_funds = strtol(optarg, &end, 10);
            if (*end || lo.min_funds < 1) {
                fprintf(stderr, "fundcheck report: --min-funds takes a whole number of at least 1\n");
                return CK_EXIT_USAGE;
            }
            break;
        case R_MIN_SHARE:
            lo.min_share = strtod(optarg, &end);
            if (*end || !(lo.min_share > 0 && lo.min_share <= 1)) {
                fprintf(stderr, "fundcheck report: --min-share takes a fraction above 0, at most 1\n");
                return CK_EXIT_USAGE;
            }
            break;
        case R_HELP: ck_cli_help(stdout, report_help_zh, report_help_en, lang); return CK_EXIT_CLEAN;
        default: fputs(report_help, stderr); return CK_EXIT_USAGE;
        }
    }
    int E = lang == CK_LANG_EN;
    if (db_path == NULL || optind != argc) {
        fprintf(stderr, "fundcheck report: %s\n%s",
                db_path == NULL ? (E ? "--db FILE is required" : "需要 --db FILE")
                                : (E ? "unexpected argument" : "多余的参数"),
                report_help);
        return CK_EXIT_USAGE;
    }
    if ((n_out > 0 || quiet || fund || min_rank > 0) && (layout || evaluate || dump)) {
        fprintf(stderr, E ? "fundcheck report: --output, --quiet, --fund and --min-severity go with the summary report,"
                            " not with --layout, --evaluate or --dump (the HTML report has the layout tables)\n"
                          : "fundcheck report：--output、--quiet、--fund 与 --min-severity 用于汇总报告，不能与 --layout、"
                            "--evaluate 或 --dump 同用（HTML 报告中含同质化布局表）\n");
        return CK_EXIT_USAGE;
    }
    struct ck_store *st = NULL;
    int rc = open_db(db_path, lang, &st);
    if (rc != CK_EXIT_CLEAN)
        return rc;
    sqlite3 *db = ck_store_db(st);
    if (evaluate) {
        if (fmt != CK_DBFMT_TEXT) {
            fprintf(stderr, "fundcheck report: --evaluate prints text\n");
            rc = CK_EXIT_USAGE;
        } else {
            rc = ck_evaluate_db(db, db_path, lang, thresholds);
        }
    } else if (layout) {
        if (fmt != CK_DBFMT_TEXT && fmt != CK_DBFMT_CSV) {
            fprintf(stderr, "fundcheck report: --layout prints text or csv (the HTML report has a layout section)\n");
            rc = CK_EXIT_USAGE;
        } else {
            lo.csv = fmt == CK_DBFMT_CSV;
            lo.lang = lang;
            rc = ck_layout_report(stdout, db, db_path, &lo);
        }
    } else if (dump) {
        if (ck_store_dump(st, stdout) != CK_OK) {
            fprintf(stderr, "fundcheck: %s\n", ck_store_errmsg(st));
            rc = CK_EXIT_SYSTEM;
        }
    } else {
        lo.lang = lang;
        struct ck_dbreport_opts job = {db, db_path, fund, lang, min_rank, &lo};
        int ex = fund ? ck_dbreport_fund_exists(db, fund) : 1;
        if (ex < 0) {
            rc = db_fail(db);
        } else if (ex == 0) {
            fprintf(stderr, E ? "fundcheck report: no filing of fund %s in %s\n"
                              : "fundcheck report：%2$s 中没有统一社会信用代码为 %1$s 的基金的申报\n",
                    fund, db_path);
            rc = CK_EXIT_USAGE;
        } else {
            int to_stdout = !quiet;
            for (size_t i = 0; i < n_out; i++)
                if (strcmp(outs[i].path, "-") == 0)
                    to_stdout = 0;
            if (!fund && !(to_stdout && fmt == CK_DBFMT_TEXT)) {
                /* the warnings reach the reader whatever the formats */
                struct ck_buf w;
                ck_buf_init(&w);
                ck_dbreport_warnings(db, lang, &w);
                fputs(ck_buf_str(&w), stderr);
                ck_buf_fini(&w);
            }
            if (to_stdout)
                rc = render_to(&job, fmt, "-");
            for (size_t i = 0; i < n_out && rc == CK_EXIT_CLEAN; i++)
                rc = render_to(&job, outs[i].fmt, outs[i].path);
        }
    }
    ck_store_close(st);
    return rc;
}

/* ---- diff ---- */

static const char diff_help_zh[] =
    "用法：fundcheck diff --db 文件 [--format text|json|csv|sarif|junit] [--only new,resolved,unchanged]\n"
    "                     [--output sarif|junit=路径]... [--fail-on 级别] [--lang zh|en] A B\n"
    "\n"
    "B 相对 A 新增、已解决与未变的发现（不含已豁免的）。A 与 B 同为运行编号（该次运行检查或跳过的\n"
    "报送文件的发现），或同为两个报告期，写作期末日期（2025-12-31）或季度（2025Q4）：两期都有报送的\n"
    "基金的现行报送。发现以基金、规则、持仓/事项与穿透链识别。\n"
    "\n"
    "  --only 类别[,类别]      只列出这些变化：new（新增）、resolved（已解决）、unchanged（未变）；\n"
    "                           默认 new,resolved（计数仍为全部）\n"
    "  --fail-on 级别           有达到该级别（notice、warning、violation）的新增发现时退出码为 1\n"
    "  --format sarif|junit     SARIF 2.1.0（每个结果带 baselineState：new、unchanged、absent）\n"
    "                           或 JUnit XML（每项新增且达到 --fail-on 的发现为一个失败用例，\n"
    "                           未给 --fail-on 时为 violation）\n"
    "  -o, --output 格式=路径   另写一份 sarif 或 junit 报告到文件（可重复）\n"
    "\n"
    "退出码：0 无问题，1 有达到 --fail-on 的新增发现，3 调用有误（含不存在的运行或报告期），\n"
    "4 系统错误。\n";

static const char diff_help_en[] =
    "usage: fundcheck diff --db FILE [--format text|json|csv|sarif|junit] [--only new,resolved,unchanged]\n"
    "                     [--output sarif|junit=PATH]... [--fail-on LEVEL] [--lang zh|en] A B\n"
    "\n"
    "Findings (not exempted) new in B, resolved since A, and unchanged. A and B are either\n"
    "run ids (the findings of the filings each run checked or skipped), or two periods, as\n"
    "period-end dates (2025-12-31) or quarters (2025Q4): the current filings of the funds\n"
    "that filed for both periods. A finding is identified by fund, rule, holding/item and\n"
    "look-through chain.\n"
    "\n"
    "  --only KIND[,KIND]       list only these changes: new, resolved, unchanged;\n"
    "                           default new,resolved (the counts are always complete)\n"
    "  --fail-on LEVEL          exit 1 when a new finding is at or above LEVEL\n"
    "                           (notice, warning, violation)\n"
    "  --format sarif|junit     SARIF 2.1.0 (every result has a baselineState: new, unchanged,\n"
    "                           absent) or JUnit XML (a failing case for each new finding at or\n"
    "                           above --fail-on, violation when not given)\n"
    "  -o, --output FORMAT=PATH also write a sarif or junit report to a file (repeatable)\n"
    "\n"
    "exit: 0 clean, 1 new findings at or above --fail-on, 3 bad invocation (including a run\n"
    "or period not in the database), 4 system error.\n";

static const char *diff_help(int lang)
{
    return lang == CK_LANG_EN ? diff_help_en : diff_help_zh;
}

/* "new,resolved" → bit mask over kinds (1 new, 2 resolved, 4 unchanged); -1 if a word is unknown. */
static int parse_only(const char *s)
{
    static const char *const names[] = {"new", "resolved", "unchanged"};
    int mask = 0;
    while (*s) {
        size_t n = strcspn(s, ",");
        int found = -1;
        for (int i = 0; i < 3; i++)
            if (strlen(names[i]) == n && strncmp(s, names[i], n) == 0)
                found = i;
        if (found < 0)
            return -1;
        mask |= 1 << found;
        s += n;
        if (*s == ',')
            s++;
    }
    return mask ? mask : -1;
}

/* 1 when the run (runs) or period has anything in the database, 0 when not, -1 on error. */
static int diff_side_exists(sqlite3 *db, int runs, const char *v)
{
    sqlite3_stmt *s = NULL;
    const char *q = runs ? "SELECT 1 FROM runs WHERE run_id = ?1"
                         : "SELECT 1 FROM v_current_filings WHERE period_end = ?1 LIMIT 1";
    if (sqlite3_prepare_v2(db, q, -1, &s, NULL) != SQLITE_OK)
        return -1;
    if (runs)
        sqlite3_bind_int64(s, 1, strtoll(v, NULL, 10));
    else
        sqlite3_bind_text(s, 1, v, -1, SQLITE_STATIC);
    int r = sqlite3_step(s);
    sqlite3_finalize(s);
    return r == SQLITE_ROW ? 1 : r == SQLITE_DONE ? 0 : -1;
}

static int is_run_id(const char *s)
{
    if (*s == '\0')
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

/* "2026Q1" → "2026-03-31"; a date is kept; anything else → NULL. */
static char *period_end(const char *s)
{
    size_t n = strlen(s);
    if (n == 10 && s[4] == '-' && s[7] == '-')
        return ck_strdup(s);
    if (n == 6 && (s[4] == 'Q' || s[4] == 'q') && s[5] >= '1' && s[5] <= '4') {
        static const char *const ends[] = {"03-31", "06-30", "09-30", "12-31"};
        struct ck_buf b;
        ck_buf_init(&b);
        ck_buf_printf(&b, "%.4s-%s", s, ends[s[5] - '1']);
        return ck_buf_take(&b);
    }
    return NULL;
}

int ck_dbdiff_main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, R_DB},
        {"format", required_argument, NULL, R_FORMAT},
        {"lang", required_argument, NULL, R_LANG},
        {"only", required_argument, NULL, R_ONLY},
        {"fail-on", required_argument, NULL, R_FAIL_ON},
        {"output", required_argument, NULL, CK_DIFF_OPT_OUTPUT},
        {"help", no_argument, NULL, R_HELP},
        {NULL, 0, NULL, 0},
    };
    const char *db_path = NULL;
    int fmt = CK_DBFMT_TEXT, lang = ck_cli_lang_from_argv(argc, argv), c;
    int only = 1 | 2, fail_on = -1;
    int xfmt = -1; /* sarif or junit on stdout (diff_formats.c) */
    struct ck_diff_outputs outs = {{0}, {0}, 0};
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
        switch (c) {
        case R_DB: db_path = optarg; break;
        case R_FORMAT:
            if ((xfmt = ck_diff_format_parse(optarg)) < 0 && parse_format("diff", optarg, &fmt) != 0)
                return CK_EXIT_USAGE;
            break;
        case 'o':
        case CK_DIFF_OPT_OUTPUT:
            if (ck_diff_add_output(&outs, optarg, lang) != 0)
                return CK_EXIT_USAGE;
            break;
        case R_LANG:
            if ((lang = ck_cli_parse_lang(optarg)) < 0) {
                fprintf(stderr, "fundcheck diff: unknown language '%s' (zh or en)\n", optarg);
                return CK_EXIT_USAGE;
            }
            break;
        case R_ONLY:
            if ((only = parse_only(optarg)) < 0) {
                fprintf(stderr, lang == CK_LANG_EN ? "fundcheck diff: unknown --only '%s' (new, resolved, unchanged)\n"
                                                   : "fundcheck diff：未知的 --only 取值“%s”（new、resolved、unchanged）\n",
                        optarg);
                return CK_EXIT_USAGE;
            }
            break;
        case R_FAIL_ON:
            if ((fail_on = ck_severity_parse(optarg)) < 0) {
                fprintf(stderr, lang == CK_LANG_EN ? "fundcheck diff: unknown level '%s' (notice, warning, violation)\n"
                                                   : "fundcheck diff：未知的级别“%s”（notice、warning、violation）\n",
                        optarg);
                return CK_EXIT_USAGE;
            }
            break;
        case R_HELP: fputs(diff_help(lang), stdout); return CK_EXIT_CLEAN;
        default: fputs(diff_help(lang), stderr); return CK_EXIT_USAGE;
        }
    }
    int E = lang == CK_LANG_EN;
    if (db_path == NULL || argc - optind != 2) {
        fprintf(stderr, "fundcheck diff: %s\n%s",
                E ? "needs --db FILE and two runs or periods" : "需要 --db FILE 以及两个运行编号或报告期", diff_help(lang));
        return CK_EXIT_USAGE;
    }
    const char *a = argv[optind], *b = argv[optind + 1];
    int runs = is_run_id(a) && is_run_id(b);
    char *pa = runs ? NULL : period_end(a), *pb = runs ? NULL : period_end(b);
    if (!runs && (pa == NULL || pb == NULL)) {
        fprintf(stderr, "fundcheck diff: %s\n",
                E ? "A and B must both be run ids, or both periods (YYYY-MM-DD or YYYYQn)"
                  : "A 与 B 须同为运行编号，或同为报告期（YYYY-MM-DD 或 YYYYQn）");
        free(pa);
        free(pb);
        return CK_EXIT_USAGE;
    }
    struct ck_store *st = NULL;
    int rc = open_db(db_path, lang, &st);
    if (rc != CK_EXIT_CLEAN) {
        free(pa);
        free(pb);
        return rc;
    }
    sqlite3 *db = ck_store_db(st);
    struct ck_buf sql;
    ck_buf_init(&sql);
    for (int side = 0; side < 2; side++) {
        const char *v = runs ? (side ? b : a) : (side ? pb : pa);
        int ex = diff_side_exists(db, runs, v);
        if (ex < 0) {
            rc = db_fail(db);
            goto out;
        }
        if (ex == 0) {
            if (runs)
                fprintf(stderr, E ? "fundcheck diff: no run %s in %s\n" : "fundcheck diff：%2$s 中没有编号为 %1$s 的运行\n",
                        v, db_path);
            else
                fprintf(stderr, E ? "fundcheck diff: no current filing for period %s in %s\n"
                                  : "fundcheck diff：%2$s 中没有报告期 %1$s 的现行报送\n",
                        v, db_path);
            rc = CK_EXIT_USAGE;
            goto out;
        }
    }
    if (xfmt >= 0 || outs.n) {
        struct ck_diff_req dq = {db, runs, a, b, runs ? a : pa, runs ? b : pb, lang, only, fail_on};
        rc = ck_diff_reports(&dq, xfmt, &outs);
        if (xfmt >= 0 || (rc != CK_EXIT_CLEAN && rc != CK_EXIT_FINDINGS))
            goto out;
    }
    ck_diff_sides_sql(&sql, runs);
    ck_buf_printf(&sql,
                  " SELECT DISTINCT 'new' AS k, fund_uscc, fund_name, period_end, rule_id, category, severity,"
                  " item, chain, %s FROM b WHERE finding_key NOT IN (SELECT finding_key FROM a)"
                  " UNION ALL SELECT DISTINCT 'resolved', fund_uscc, fund_name, period_end, rule_id, category,"
                  " severity, item, chain, %s FROM a WHERE finding_key NOT IN (SELECT finding_key FROM b)"
                  " UNION ALL SELECT DISTINCT 'unchanged', fund_uscc, fund_name, period_end, rule_id, category,"
                  " severity, item, chain, %s FROM b WHERE finding_key IN (SELECT finding_key FROM a)"
                  " ORDER BY 1, 2, 5, 8, 9, 10",
                  E ? "message_en" : "message_zh", E ? "message_en" : "message_zh",
                  E ? "message_en" : "message_zh");
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db, ck_buf_str(&sql), -1, &s, NULL) != SQLITE_OK) {
        rc = db_fail(db);
        goto out;
    }
    if (runs) {
        sqlite3_bind_int64(s, 1, strtoll(a, NULL, 10));
        sqlite3_bind_int64(s, 2, strtoll(b, NULL, 10));
    } else {
        sqlite3_bind_text(s, 1, pa, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, pb, -1, SQLITE_STATIC);
    }
    static const char *const kinds[] = {"new", "resolved", "unchanged"};
    static const char *const kinds_zh[] = {"新增", "已解决", "未变"};
    long long counts[3] = {0};
    struct ck_buf body;
    ck_buf_init(&body);
    int r, last = -1;
    long long failing = 0, shown = 0;
    if (fmt == CK_DBFMT_CSV) {
        static const char *const head[] = {"change", "fund_uscc", "fund_name", "period_end", "rule",
                                           "category", "severity", "item", "chain", "message"};
        fputs("\xEF\xBB\xBF", stdout); /* UTF-8 BOM, as report's */
        ck_dbreport_csv_row(stdout, head, CK_ARRAY_LEN(head));
    }
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        const char *k = col(s, 0);
        int ki = strcmp(k, "new") == 0 ? 0 : strcmp(k, "resolved") == 0 ? 1 : 2;
        counts[ki]++;
        if (ki == 0 && fail_on >= 0 && ck_severity_parse(col(s, 6)) >= fail_on)
            failing++;
        if (!(only & (1 << ki)))
            continue;
        shown++;
        if (fmt == CK_DBFMT_CSV) {
            const char *row[10];
            for (int i = 0; i < 10; i++)
                row[i] = col(s, i);
            ck_dbreport_csv_row(stdout, row, 10);
        } else if (fmt == CK_DBFMT_TEXT) {
            if (ki != last)
                ck_buf_printf(&body, "\n%s\n", E ? kinds[ki] : kinds_zh[ki]);
            ck_buf_printf(&body, "  %s %s  %s  %s %s %s%s%s\n    %s\n", col(s, 1), col(s, 2), col(s, 3),
                          col(s, 4), col(s, 6), *col(s, 7) ? col(s, 7) : "-", *col(s, 8) ? "  " : "",
                          col(s, 8), col(s, 9));
        } else {
            ck_buf_adds(&body, shown > 1 ? ",{" : "{");
            static const char *const keys[] = {"change", "fundUscc", "fundName", "periodEnd", "rule",
                                               "category", "severity", "item", "chain", "message"};
            for (int i = 0; i < 10; i++) {
                ck_buf_printf(&body, "%s\"%s\":", i ? "," : "", keys[i]);
                ck_buf_json_str(&body, col(s, i));
            }
            ck_buf_addc(&body, '}');
        }
        last = ki;
    }
    sqlite3_finalize(s);
    if (r != SQLITE_DONE) {
        ck_buf_fini(&body);
        rc = db_fail(db);
        goto out;
    }
    if (fmt == CK_DBFMT_TEXT) {
        printf(E ? "diff %s → %s: %lld new, %lld resolved, %lld unchanged\n"
                 : "对比 %s → %s：新增 %lld 项，已解决 %lld 项，未变 %lld 项\n",
               a, b, counts[0], counts[1], counts[2]);
        fputs(ck_buf_str(&body), stdout);
    } else if (fmt == CK_DBFMT_JSON) {
        struct ck_buf h;
        ck_buf_init(&h);
        ck_buf_adds(&h, "{\"a\":");
        ck_buf_json_str(&h, a);
        ck_buf_adds(&h, ",\"b\":");
        ck_buf_json_str(&h, b);
        ck_buf_printf(&h, ",\"mode\":\"%s\",\"new\":%lld,\"resolved\":%lld,\"unchanged\":%lld,\"findings\":[",
                      runs ? "runs" : "periods", counts[0], counts[1], counts[2]);
        fputs(ck_buf_str(&h), stdout);
        fputs(ck_buf_str(&body), stdout);
        fputs("]}\n", stdout);
        ck_buf_fini(&h);
    }
    ck_buf_fini(&body);
    if (failing > 0)
        rc = CK_EXIT_FINDINGS;
out:
    ck_buf_fini(&sql);
    ck_store_close(st);
    free(pa);
    free(pb);
    return rc;
}
