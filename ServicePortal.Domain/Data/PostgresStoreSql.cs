namespace ServicePortal.Domain.Data;

/// <summary>
/// The hand-written part of the PostgreSQL store, the counterpart of the SQLite migrations' triggers and tables outside
/// EF Core's model: append-only logs, the active-customer count, the survey and revisit day totals, the revisit issues'
/// copy of their task's kind and clerk, the complaint search table, and the trigram indexes (pg_trgm) that replace SQLite's
/// FTS5 trigram table and name grams for customer name search. Run by the initial PostgreSQL migration.
/// </summary>
internal static class PostgresStoreSql
{
    /// <summary>The triggers this creates, as "table.trigger" (PostgresStoreTests compares them with the database's).</summary>
    public static readonly string[] Triggers =
    [
        "AuditLog.AuditLog_NoDelete", "AuditLog.AuditLog_NoUpdate",
        "Complaints.Complaints_MonthTotals_Delete", "Complaints.Complaints_MonthTotals_Insert", "Complaints.Complaints_MonthTotals_Update",
        "CustomerAccessLog.CustomerAccessLog_NoDelete", "CustomerAccessLog.CustomerAccessLog_NoUpdate",
        "Customers.CustomerActiveCount_Delete", "Customers.CustomerActiveCount_Insert", "Customers.CustomerActiveCount_Update",
        "RevisitIssues.RevisitIssues_DayTotals_Delete", "RevisitIssues.RevisitIssues_DayTotals_Insert", "RevisitIssues.RevisitIssues_DayTotals_Update",
        "RevisitIssues.RevisitIssues_TaskKindClerk_Insert", "RevisitIssues.RevisitIssues_TaskKindClerk_Move",
        "RevisitTasks.RevisitTasks_DayTotals_Delete", "RevisitTasks.RevisitTasks_DayTotals_Insert", "RevisitTasks.RevisitTasks_DayTotals_Update",
        "RevisitTasks.RevisitTasks_IssueKindClerk_Update",
        "SurveyAnswers.SurveyAnswers_DayTotals_Delete", "SurveyAnswers.SurveyAnswers_DayTotals_Insert", "SurveyAnswers.SurveyAnswers_DayTotals_Update",
        "Surveys.Surveys_DayTotals_Delete", "Surveys.Surveys_DayTotals_Insert", "Surveys.Surveys_DayTotals_Update",
    ];

    public const string AppendOnlyLogs = """
        CREATE FUNCTION portal_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
        END $$;
        CREATE TRIGGER "AuditLog_NoUpdate" BEFORE UPDATE ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION portal_refuse_change('审计日志只能追加，不能修改');
        CREATE TRIGGER "AuditLog_NoDelete" BEFORE DELETE ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION portal_refuse_change('审计日志只能追加，不能删除');
        CREATE TRIGGER "CustomerAccessLog_NoUpdate" BEFORE UPDATE ON "CustomerAccessLog" FOR EACH ROW EXECUTE FUNCTION portal_refuse_change('查阅日志只能追加，不能修改');
        CREATE TRIGGER "CustomerAccessLog_NoDelete" BEFORE DELETE ON "CustomerAccessLog" FOR EACH ROW EXECUTE FUNCTION portal_refuse_change('查阅日志只能追加，不能删除');
        """;

    /// <summary>CustomerDirectory.ActiveCountAsync: the number of files neither merged nor destroyed, one row kept by triggers.</summary>
    public const string CustomerActiveCount = """
        CREATE TABLE "CustomerActiveCount" ("Id" integer NOT NULL PRIMARY KEY CHECK ("Id" = 1), "Active" integer NOT NULL);
        INSERT INTO "CustomerActiveCount" ("Id", "Active") SELECT 1, count(*) FROM "Customers" WHERE "MergedIntoId" IS NULL AND "DestroyedAt" IS NULL;
        CREATE FUNCTION portal_customer_active_count() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE delta integer := 0;
        BEGIN
            IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."MergedIntoId" IS NULL AND NEW."DestroyedAt" IS NULL THEN delta := delta + 1; END IF;
            IF TG_OP IN ('DELETE', 'UPDATE') AND OLD."MergedIntoId" IS NULL AND OLD."DestroyedAt" IS NULL THEN delta := delta - 1; END IF;
            IF delta <> 0 THEN UPDATE "CustomerActiveCount" SET "Active" = "Active" + delta WHERE "Id" = 1; END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "CustomerActiveCount_Insert" AFTER INSERT ON "Customers" FOR EACH ROW EXECUTE FUNCTION portal_customer_active_count();
        CREATE TRIGGER "CustomerActiveCount_Delete" AFTER DELETE ON "Customers" FOR EACH ROW EXECUTE FUNCTION portal_customer_active_count();
        CREATE TRIGGER "CustomerActiveCount_Update" AFTER UPDATE OF "MergedIntoId", "DestroyedAt" ON "Customers" FOR EACH ROW EXECUTE FUNCTION portal_customer_active_count();
        """;

    /// <summary>
    /// Name search: a GIN trigram index answers "name contains" (LIKE '%…%') for any length (pg_trgm; shorter than three
    /// characters it reads the whole index, still no table scan). The phone's last four digits get their expression index.
    /// </summary>
    public const string CustomerSearch = """
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX "IX_Customers_NameTrigrams" ON "Customers" USING gin ("Name" gin_trgm_ops);
        CREATE INDEX "IX_Customers_PhoneLast4" ON "Customers" (right("Phone", 4));
        CREATE INDEX "IX_Customers_VerifyDue" ON "Customers" (COALESCE("LastVerifiedAt", "CreatedAt"), "Id");
        """;

    /// <summary>
    /// The complaint register's search: one row per complaint with its tokens (ComplaintSearchIndex.Document, a space in
    /// front), matched with LIKE through a trigram index; written by ComplaintSearchIndex.IndexAsync in the saving transaction.
    /// </summary>
    public const string ComplaintSearch = """
        CREATE TABLE "ComplaintSearch" ("Id" integer NOT NULL PRIMARY KEY, "Text" text NOT NULL);
        CREATE INDEX "IX_ComplaintSearch_Trigrams" ON "ComplaintSearch" USING gin ("Text" gin_trgm_ops);
        """;

    /// <summary>The questionnaires' day totals (SurveyDays, SurveyDayItems): satisfied = a score of 4 or 5; a row leaves at 0.</summary>
    public const string SurveyDayTotals = """
        CREATE FUNCTION portal_survey_answer_day_totals() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('DELETE', 'UPDATE') THEN
                UPDATE "SurveyDayItems" SET "Scores" = "Scores" - 1, "ScoreSum" = "ScoreSum" - OLD."Score",
                    "Satisfied" = "Satisfied" - CASE WHEN OLD."Score" >= 4 THEN 1 ELSE 0 END
                WHERE "PaperDate" = OLD."PaperDate" AND "ItemId" = OLD."ItemId";
                DELETE FROM "SurveyDayItems" WHERE "PaperDate" = OLD."PaperDate" AND "ItemId" = OLD."ItemId" AND "Scores" <= 0;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO "SurveyDayItems" ("PaperDate", "ItemId", "TemplateId", "PaperMonth", "Scores", "ScoreSum", "Satisfied")
                VALUES (NEW."PaperDate", NEW."ItemId", NEW."TemplateId", NEW."PaperMonth", 1, NEW."Score", CASE WHEN NEW."Score" >= 4 THEN 1 ELSE 0 END)
                ON CONFLICT ("PaperDate", "ItemId") DO UPDATE SET "Scores" = "SurveyDayItems"."Scores" + 1,
                    "ScoreSum" = "SurveyDayItems"."ScoreSum" + excluded."ScoreSum", "Satisfied" = "SurveyDayItems"."Satisfied" + excluded."Satisfied";
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "SurveyAnswers_DayTotals_Insert" AFTER INSERT ON "SurveyAnswers" FOR EACH ROW EXECUTE FUNCTION portal_survey_answer_day_totals();
        CREATE TRIGGER "SurveyAnswers_DayTotals_Delete" AFTER DELETE ON "SurveyAnswers" FOR EACH ROW EXECUTE FUNCTION portal_survey_answer_day_totals();
        CREATE TRIGGER "SurveyAnswers_DayTotals_Update" AFTER UPDATE OF "Score", "PaperDate", "ItemId", "TemplateId", "PaperMonth" ON "SurveyAnswers"
            FOR EACH ROW EXECUTE FUNCTION portal_survey_answer_day_totals();

        CREATE FUNCTION portal_survey_day_totals() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('DELETE', 'UPDATE') THEN
                UPDATE "SurveyDays" SET "Questionnaires" = "Questionnaires" - 1 WHERE "PaperDate" = OLD."PaperDate" AND "TemplateId" = OLD."TemplateId";
                DELETE FROM "SurveyDays" WHERE "PaperDate" = OLD."PaperDate" AND "TemplateId" = OLD."TemplateId" AND "Questionnaires" <= 0;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO "SurveyDays" ("PaperDate", "TemplateId", "Questionnaires") VALUES (NEW."PaperDate", NEW."TemplateId", 1)
                ON CONFLICT ("PaperDate", "TemplateId") DO UPDATE SET "Questionnaires" = "SurveyDays"."Questionnaires" + 1;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "Surveys_DayTotals_Insert" AFTER INSERT ON "Surveys" FOR EACH ROW EXECUTE FUNCTION portal_survey_day_totals();
        CREATE TRIGGER "Surveys_DayTotals_Delete" AFTER DELETE ON "Surveys" FOR EACH ROW EXECUTE FUNCTION portal_survey_day_totals();
        CREATE TRIGGER "Surveys_DayTotals_Update" AFTER UPDATE OF "PaperDate", "TemplateId" ON "Surveys" FOR EACH ROW EXECUTE FUNCTION portal_survey_day_totals();
        """;

    /// <summary>
    /// The revisit tasks' day totals (RevisitDayTotals): the day is the due time's Beijing day (UTC + 8, no daylight saving), the
    /// clerk who closed the task or who has it ("" = the pile) — as RevisitKpiQueries reads them.
    /// </summary>
    public const string RevisitDayTotals = """
        CREATE FUNCTION portal_revisit_day_totals() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('DELETE', 'UPDATE') THEN
                UPDATE "RevisitDayTotals" SET "Tasks" = "Tasks" - 1,
                    "Done" = "Done" - CASE WHEN OLD."DoneAt" IS NOT NULL THEN 1 ELSE 0 END,
                    "OnTime" = "OnTime" - CASE WHEN OLD."Status" = 'Done' AND OLD."DoneAt" <= OLD."Due" THEN 1 ELSE 0 END,
                    "Late" = "Late" - CASE WHEN OLD."Status" = 'Done' AND OLD."DoneAt" > OLD."Due" THEN 1 ELSE 0 END,
                    "Unreachable" = "Unreachable" - CASE WHEN OLD."Status" = 'Unreachable' THEN 1 ELSE 0 END,
                    "Rated" = "Rated" - CASE WHEN OLD."Satisfaction" IS NOT NULL THEN 1 ELSE 0 END,
                    "Satisfied" = "Satisfied" - CASE WHEN OLD."Satisfaction" >= 4 THEN 1 ELSE 0 END
                WHERE "DueDay" = (OLD."Due" + interval '8 hours')::date AND "Kind" = OLD."Kind"
                  AND "ClerkId" = CASE WHEN OLD."DoneById" <> '' THEN OLD."DoneById" ELSE COALESCE(OLD."AssigneeId", '') END;
                DELETE FROM "RevisitDayTotals" WHERE "DueDay" = (OLD."Due" + interval '8 hours')::date AND "Kind" = OLD."Kind"
                  AND "ClerkId" = CASE WHEN OLD."DoneById" <> '' THEN OLD."DoneById" ELSE COALESCE(OLD."AssigneeId", '') END AND "Tasks" <= 0;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO "RevisitDayTotals" ("DueDay", "Kind", "ClerkId", "Tasks", "Done", "OnTime", "Late", "Unreachable", "Rated", "Satisfied")
                VALUES ((NEW."Due" + interval '8 hours')::date, NEW."Kind",
                    CASE WHEN NEW."DoneById" <> '' THEN NEW."DoneById" ELSE COALESCE(NEW."AssigneeId", '') END, 1,
                    CASE WHEN NEW."DoneAt" IS NOT NULL THEN 1 ELSE 0 END,
                    CASE WHEN NEW."Status" = 'Done' AND NEW."DoneAt" <= NEW."Due" THEN 1 ELSE 0 END,
                    CASE WHEN NEW."Status" = 'Done' AND NEW."DoneAt" > NEW."Due" THEN 1 ELSE 0 END,
                    CASE WHEN NEW."Status" = 'Unreachable' THEN 1 ELSE 0 END,
                    CASE WHEN NEW."Satisfaction" IS NOT NULL THEN 1 ELSE 0 END,
                    CASE WHEN NEW."Satisfaction" >= 4 THEN 1 ELSE 0 END)
                ON CONFLICT ("DueDay", "Kind", "ClerkId") DO UPDATE SET "Tasks" = "RevisitDayTotals"."Tasks" + 1,
                    "Done" = "RevisitDayTotals"."Done" + excluded."Done", "OnTime" = "RevisitDayTotals"."OnTime" + excluded."OnTime",
                    "Late" = "RevisitDayTotals"."Late" + excluded."Late", "Unreachable" = "RevisitDayTotals"."Unreachable" + excluded."Unreachable",
                    "Rated" = "RevisitDayTotals"."Rated" + excluded."Rated", "Satisfied" = "RevisitDayTotals"."Satisfied" + excluded."Satisfied";
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "RevisitTasks_DayTotals_Insert" AFTER INSERT ON "RevisitTasks" FOR EACH ROW EXECUTE FUNCTION portal_revisit_day_totals();
        CREATE TRIGGER "RevisitTasks_DayTotals_Delete" AFTER DELETE ON "RevisitTasks" FOR EACH ROW EXECUTE FUNCTION portal_revisit_day_totals();
        CREATE TRIGGER "RevisitTasks_DayTotals_Update" AFTER UPDATE OF "Due", "Kind", "Status", "DoneAt", "DoneById", "AssigneeId", "Satisfaction"
            ON "RevisitTasks" FOR EACH ROW EXECUTE FUNCTION portal_revisit_day_totals();
        """;

    /// <summary>
    /// Each revisit issue carries its task's kind and clerk (who closed the task, or who has it while open), for the issue KPIs:
    /// set when the issue is saved or moved to another task, and when the task's kind or clerk changes.
    /// </summary>
    public const string RevisitIssueTaskKindClerk = """
        CREATE FUNCTION portal_revisit_issue_task() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            SELECT t."Kind", CASE WHEN t."DoneById" <> '' THEN t."DoneById" ELSE t."AssigneeId" END
            INTO NEW."TaskKind", NEW."TaskClerk"
            FROM "RevisitTasks" AS t WHERE t."Id" = NEW."RevisitTaskId";
            RETURN NEW;
        END $$;
        CREATE TRIGGER "RevisitIssues_TaskKindClerk_Insert" BEFORE INSERT ON "RevisitIssues" FOR EACH ROW EXECUTE FUNCTION portal_revisit_issue_task();
        CREATE TRIGGER "RevisitIssues_TaskKindClerk_Move" BEFORE UPDATE OF "RevisitTaskId" ON "RevisitIssues" FOR EACH ROW EXECUTE FUNCTION portal_revisit_issue_task();

        CREATE FUNCTION portal_revisit_issue_task_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE "RevisitIssues" SET "TaskKind" = NEW."Kind",
                "TaskClerk" = CASE WHEN NEW."DoneById" <> '' THEN NEW."DoneById" ELSE NEW."AssigneeId" END
            WHERE "RevisitTaskId" = NEW."Id";
            RETURN NULL;
        END $$;
        CREATE TRIGGER "RevisitTasks_IssueKindClerk_Update" AFTER UPDATE OF "Kind", "DoneById", "AssigneeId" ON "RevisitTasks" FOR EACH ROW
            WHEN (NEW."Kind" IS DISTINCT FROM OLD."Kind"
                OR (CASE WHEN NEW."DoneById" <> '' THEN NEW."DoneById" ELSE NEW."AssigneeId" END)
                   IS DISTINCT FROM (CASE WHEN OLD."DoneById" <> '' THEN OLD."DoneById" ELSE OLD."AssigneeId" END))
            EXECUTE FUNCTION portal_revisit_issue_task_update();
        """;

    /// <summary>
    /// The complaints' month totals (ComplaintMonthTotals, migration KpiMonthTotals): the cohort's counts and the sum of versions per
    /// month of receipt, category, responsible department (0 = none) and channel — as KpiQueries.CohortAsync and the duration
    /// cache's stamps read them. A group's row goes when its count falls to 0.
    /// </summary>
    public const string ComplaintMonthTotals = """
        CREATE FUNCTION portal_complaint_month_totals() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('DELETE', 'UPDATE') THEN
                UPDATE "ComplaintMonthTotals" SET "Received" = "Received" - (1),
                    "Valid" = "Valid" - (CASE WHEN OLD."IsValid" THEN 1 ELSE 0 END),
                    "RepliedOnTime" = "RepliedOnTime" - (CASE WHEN OLD."ReplyOnTime" THEN 1 ELSE 0 END),
                    "RepliedLate" = "RepliedLate" - (CASE WHEN NOT OLD."ReplyOnTime" THEN 1 ELSE 0 END),
                    "ClosedOnTime" = "ClosedOnTime" - (CASE WHEN OLD."CloseOnTime" THEN 1 ELSE 0 END),
                    "ClosedLate" = "ClosedLate" - (CASE WHEN NOT OLD."CloseOnTime" THEN 1 ELSE 0 END),
                    "Feedback" = "Feedback" - (CASE WHEN OLD."FirstFeedbackSatisfied" IS NOT NULL THEN 1 ELSE 0 END),
                    "Satisfied" = "Satisfied" - (CASE WHEN OLD."FirstFeedbackSatisfied" THEN 1 ELSE 0 END),
                    "Reopened" = "Reopened" - (CASE WHEN OLD."ReopenCount" > 0 THEN 1 ELSE 0 END),
                    "Versions" = "Versions" - (OLD."Version")
                WHERE "Month" = OLD."ReceivedMonth" AND "CategoryId" = OLD."CategoryId" AND "DepartmentId" = COALESCE(OLD."ResponsibleDepartmentId", 0) AND "Channel" = OLD."Channel";
                DELETE FROM "ComplaintMonthTotals" WHERE "Month" = OLD."ReceivedMonth" AND "CategoryId" = OLD."CategoryId" AND "DepartmentId" = COALESCE(OLD."ResponsibleDepartmentId", 0) AND "Channel" = OLD."Channel" AND "Received" <= 0;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO "ComplaintMonthTotals" ("Month", "CategoryId", "DepartmentId", "Channel", "Received", "Valid", "RepliedOnTime", "RepliedLate", "ClosedOnTime", "ClosedLate", "Feedback", "Satisfied", "Reopened", "Versions")
                VALUES (NEW."ReceivedMonth", NEW."CategoryId", COALESCE(NEW."ResponsibleDepartmentId", 0), NEW."Channel", 1, CASE WHEN NEW."IsValid" THEN 1 ELSE 0 END, CASE WHEN NEW."ReplyOnTime" THEN 1 ELSE 0 END, CASE WHEN NOT NEW."ReplyOnTime" THEN 1 ELSE 0 END, CASE WHEN NEW."CloseOnTime" THEN 1 ELSE 0 END, CASE WHEN NOT NEW."CloseOnTime" THEN 1 ELSE 0 END, CASE WHEN NEW."FirstFeedbackSatisfied" IS NOT NULL THEN 1 ELSE 0 END, CASE WHEN NEW."FirstFeedbackSatisfied" THEN 1 ELSE 0 END, CASE WHEN NEW."ReopenCount" > 0 THEN 1 ELSE 0 END, NEW."Version")
                ON CONFLICT ("Month", "CategoryId", "DepartmentId", "Channel") DO UPDATE SET "Received" = "ComplaintMonthTotals"."Received" + excluded."Received", "Valid" = "ComplaintMonthTotals"."Valid" + excluded."Valid", "RepliedOnTime" = "ComplaintMonthTotals"."RepliedOnTime" + excluded."RepliedOnTime", "RepliedLate" = "ComplaintMonthTotals"."RepliedLate" + excluded."RepliedLate", "ClosedOnTime" = "ComplaintMonthTotals"."ClosedOnTime" + excluded."ClosedOnTime", "ClosedLate" = "ComplaintMonthTotals"."ClosedLate" + excluded."ClosedLate", "Feedback" = "ComplaintMonthTotals"."Feedback" + excluded."Feedback", "Satisfied" = "ComplaintMonthTotals"."Satisfied" + excluded."Satisfied", "Reopened" = "ComplaintMonthTotals"."Reopened" + excluded."Reopened", "Versions" = "ComplaintMonthTotals"."Versions" + excluded."Versions";
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "Complaints_MonthTotals_Insert" AFTER INSERT ON "Complaints" FOR EACH ROW EXECUTE FUNCTION portal_complaint_month_totals();
        CREATE TRIGGER "Complaints_MonthTotals_Delete" AFTER DELETE ON "Complaints" FOR EACH ROW EXECUTE FUNCTION portal_complaint_month_totals();
        CREATE TRIGGER "Complaints_MonthTotals_Update" AFTER UPDATE OF "ReceivedMonth", "CategoryId", "ResponsibleDepartmentId", "Channel", "IsValid",
            "ReplyOnTime", "CloseOnTime", "FirstFeedbackSatisfied", "ReopenCount", "Version" ON "Complaints" FOR EACH ROW EXECUTE FUNCTION portal_complaint_month_totals();
        INSERT INTO "ComplaintMonthTotals" ("Month", "CategoryId", "DepartmentId", "Channel", "Received", "Valid", "RepliedOnTime", "RepliedLate", "ClosedOnTime", "ClosedLate", "Feedback", "Satisfied", "Reopened", "Versions")
        SELECT c."ReceivedMonth", c."CategoryId", COALESCE(c."ResponsibleDepartmentId", 0), c."Channel", count(*), sum(CASE WHEN c."IsValid" THEN 1 ELSE 0 END), sum(CASE WHEN c."ReplyOnTime" THEN 1 ELSE 0 END), sum(CASE WHEN NOT c."ReplyOnTime" THEN 1 ELSE 0 END), sum(CASE WHEN c."CloseOnTime" THEN 1 ELSE 0 END), sum(CASE WHEN NOT c."CloseOnTime" THEN 1 ELSE 0 END), sum(CASE WHEN c."FirstFeedbackSatisfied" IS NOT NULL THEN 1 ELSE 0 END), sum(CASE WHEN c."FirstFeedbackSatisfied" THEN 1 ELSE 0 END), sum(CASE WHEN c."ReopenCount" > 0 THEN 1 ELSE 0 END), sum(c."Version")
        FROM "Complaints" AS c GROUP BY 1, 2, 3, 4;
        """;

    /// <summary>
    /// The revisit issues' day totals (RevisitIssueDayTotals, migration KpiMonthTotals): raised and handled per Beijing day of
    /// raising and the issue's task kind and clerk ("" = the pile; set before the insert by <see cref="RevisitIssueTaskKindClerk"/>).
    /// </summary>
    public const string RevisitIssueDayTotals = """
        CREATE FUNCTION portal_revisit_issue_day_totals() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('DELETE', 'UPDATE') THEN
                UPDATE "RevisitIssueDayTotals" SET "Raised" = "Raised" - 1, "Handled" = "Handled" - CASE WHEN OLD."HandledAt" IS NOT NULL THEN 1 ELSE 0 END
                WHERE "RaisedDay" = (OLD."RaisedAt" + interval '8 hours')::date AND "Kind" = OLD."TaskKind" AND "ClerkId" = COALESCE(OLD."TaskClerk", '');
                DELETE FROM "RevisitIssueDayTotals"
                WHERE "RaisedDay" = (OLD."RaisedAt" + interval '8 hours')::date AND "Kind" = OLD."TaskKind" AND "ClerkId" = COALESCE(OLD."TaskClerk", '')
                  AND "Raised" <= 0;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO "RevisitIssueDayTotals" ("RaisedDay", "Kind", "ClerkId", "Raised", "Handled")
                VALUES ((NEW."RaisedAt" + interval '8 hours')::date, NEW."TaskKind", COALESCE(NEW."TaskClerk", ''), 1,
                    CASE WHEN NEW."HandledAt" IS NOT NULL THEN 1 ELSE 0 END)
                ON CONFLICT ("RaisedDay", "Kind", "ClerkId") DO UPDATE SET "Raised" = "RevisitIssueDayTotals"."Raised" + 1,
                    "Handled" = "RevisitIssueDayTotals"."Handled" + excluded."Handled";
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER "RevisitIssues_DayTotals_Insert" AFTER INSERT ON "RevisitIssues" FOR EACH ROW EXECUTE FUNCTION portal_revisit_issue_day_totals();
        CREATE TRIGGER "RevisitIssues_DayTotals_Delete" AFTER DELETE ON "RevisitIssues" FOR EACH ROW EXECUTE FUNCTION portal_revisit_issue_day_totals();
        CREATE TRIGGER "RevisitIssues_DayTotals_Update" AFTER UPDATE OF "RaisedAt", "HandledAt", "TaskKind", "TaskClerk" ON "RevisitIssues" FOR EACH ROW
            EXECUTE FUNCTION portal_revisit_issue_day_totals();
        INSERT INTO "RevisitIssueDayTotals" ("RaisedDay", "Kind", "ClerkId", "Raised", "Handled")
        SELECT ("RaisedAt" + interval '8 hours')::date, "TaskKind", COALESCE("TaskClerk", ''), count(*), count("HandledAt")
        FROM "RevisitIssues" GROUP BY 1, 2, 3;
        """;

    /// <summary>
    /// Migration RevisitIssueDayTotalsOnMove: the day totals' update trigger also fires when an issue moves to another task. A
    /// column trigger fires only for the columns an UPDATE names, and a move names only RevisitTaskId (the BEFORE trigger of
    /// <see cref="RevisitIssueTaskKindClerk"/> then sets the kind and clerk): the issue stayed counted under its old task's kind
    /// and clerk. The totals are counted again from the issues, which mends those a move left wrong.
    /// </summary>
    public const string RevisitIssueDayTotalsOnMove = """
        DROP TRIGGER "RevisitIssues_DayTotals_Update" ON "RevisitIssues";
        CREATE TRIGGER "RevisitIssues_DayTotals_Update" AFTER UPDATE OF "RaisedAt", "HandledAt", "TaskKind", "TaskClerk", "RevisitTaskId" ON "RevisitIssues"
            FOR EACH ROW EXECUTE FUNCTION portal_revisit_issue_day_totals();
        DELETE FROM "RevisitIssueDayTotals";
        INSERT INTO "RevisitIssueDayTotals" ("RaisedDay", "Kind", "ClerkId", "Raised", "Handled")
        SELECT ("RaisedAt" + interval '8 hours')::date, "TaskKind", COALESCE("TaskClerk", ''), count(*), count("HandledAt")
        FROM "RevisitIssues" GROUP BY 1, 2, 3;
        """;

    /// <summary>Undoes <see cref="RevisitIssueDayTotalsOnMove"/> (the trigger as <see cref="RevisitIssueDayTotals"/> made it).</summary>
    public const string DropRevisitIssueDayTotalsOnMove = """
        DROP TRIGGER "RevisitIssues_DayTotals_Update" ON "RevisitIssues";
        CREATE TRIGGER "RevisitIssues_DayTotals_Update" AFTER UPDATE OF "RaisedAt", "HandledAt", "TaskKind", "TaskClerk" ON "RevisitIssues" FOR EACH ROW
            EXECUTE FUNCTION portal_revisit_issue_day_totals();
        """;

    /// <summary>Undoes <see cref="ComplaintMonthTotals"/> and <see cref="RevisitIssueDayTotals"/> (the triggers go with their functions).</summary>
    public const string DropMonthTotals = "DROP FUNCTION IF EXISTS portal_complaint_month_totals, portal_revisit_issue_day_totals CASCADE;";

    /// <summary>Undoes <see cref="All"/> (the triggers go with their tables).</summary>
    public const string DropAll = """
        DROP TABLE IF EXISTS "ComplaintSearch";
        DROP TABLE IF EXISTS "CustomerActiveCount";
        DROP FUNCTION IF EXISTS portal_refuse_change, portal_customer_active_count, portal_survey_answer_day_totals, portal_survey_day_totals,
            portal_revisit_day_totals, portal_revisit_issue_task, portal_revisit_issue_task_update CASCADE;
        """;

    /// <summary>In this order by the initial PostgreSQL migration; a later change goes in a new migration, never here.</summary>
    public static readonly string[] All = [AppendOnlyLogs, CustomerActiveCount, CustomerSearch, ComplaintSearch, SurveyDayTotals, RevisitDayTotals, RevisitIssueTaskKindClerk];
}
