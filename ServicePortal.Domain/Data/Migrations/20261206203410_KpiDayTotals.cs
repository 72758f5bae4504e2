using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePortal.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class KpiDayTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RevisitDayTotals",
                columns: table => new
                {
                    DueDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ClerkId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Tasks = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    OnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    Late = table.Column<int>(type: "INTEGER", nullable: false),
                    Unreachable = table.Column<int>(type: "INTEGER", nullable: false),
                    Rated = table.Column<int>(type: "INTEGER", nullable: false),
                    Satisfied = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisitDayTotals", x => new { x.DueDay, x.Kind, x.ClerkId });
                });

            migrationBuilder.CreateTable(
                name: "SurveyDayItems",
                columns: table => new
                {
                    PaperDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    TemplateId = table.Column<int>(type: "INTEGER", nullable: false),
                    PaperMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    Scores = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoreSum = table.Column<long>(type: "INTEGER", nullable: false),
                    Satisfied = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyDayItems", x => new { x.PaperDate, x.ItemId });
                });

            migrationBuilder.CreateTable(
                name: "SurveyDays",
                columns: table => new
                {
                    PaperDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TemplateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Questionnaires = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyDays", x => new { x.PaperDate, x.TemplateId });
                });
            // The day totals of the satisfaction roll-up, kept by triggers so that every writer (the entry form,
            // the API, the demo generator, a customer's merge or erasure) keeps them exact in its own transaction.
            // Satisfied = a score of 4 or 5 (SurveyScale.SatisfiedFrom). A day's row is removed when its count
            // falls to 0, so the roll-up lists exactly the items that have scores.
            migrationBuilder.Sql("""
                CREATE TRIGGER SurveyAnswers_DayTotals_Insert AFTER INSERT ON SurveyAnswers BEGIN
                    INSERT INTO SurveyDayItems (PaperDate, ItemId, TemplateId, PaperMonth, Scores, ScoreSum, Satisfied)
                    VALUES (NEW.PaperDate, NEW.ItemId, NEW.TemplateId, NEW.PaperMonth, 1, NEW.Score, NEW.Score >= 4)
                    ON CONFLICT (PaperDate, ItemId) DO UPDATE
                    SET Scores = Scores + 1, ScoreSum = ScoreSum + excluded.ScoreSum, Satisfied = Satisfied + excluded.Satisfied;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER SurveyAnswers_DayTotals_Delete AFTER DELETE ON SurveyAnswers BEGIN
                    UPDATE SurveyDayItems SET Scores = Scores - 1, ScoreSum = ScoreSum - OLD.Score, Satisfied = Satisfied - (OLD.Score >= 4)
                    WHERE PaperDate = OLD.PaperDate AND ItemId = OLD.ItemId;
                    DELETE FROM SurveyDayItems WHERE PaperDate = OLD.PaperDate AND ItemId = OLD.ItemId AND Scores <= 0;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER SurveyAnswers_DayTotals_Update AFTER UPDATE OF Score, PaperDate, ItemId, TemplateId, PaperMonth ON SurveyAnswers BEGIN
                    UPDATE SurveyDayItems SET Scores = Scores - 1, ScoreSum = ScoreSum - OLD.Score, Satisfied = Satisfied - (OLD.Score >= 4)
                    WHERE PaperDate = OLD.PaperDate AND ItemId = OLD.ItemId;
                    DELETE FROM SurveyDayItems WHERE PaperDate = OLD.PaperDate AND ItemId = OLD.ItemId AND Scores <= 0;
                    INSERT INTO SurveyDayItems (PaperDate, ItemId, TemplateId, PaperMonth, Scores, ScoreSum, Satisfied)
                    VALUES (NEW.PaperDate, NEW.ItemId, NEW.TemplateId, NEW.PaperMonth, 1, NEW.Score, NEW.Score >= 4)
                    ON CONFLICT (PaperDate, ItemId) DO UPDATE
                    SET Scores = Scores + 1, ScoreSum = ScoreSum + excluded.ScoreSum, Satisfied = Satisfied + excluded.Satisfied;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Surveys_DayTotals_Insert AFTER INSERT ON Surveys BEGIN
                    INSERT INTO SurveyDays (PaperDate, TemplateId, Questionnaires) VALUES (NEW.PaperDate, NEW.TemplateId, 1)
                    ON CONFLICT (PaperDate, TemplateId) DO UPDATE SET Questionnaires = Questionnaires + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Surveys_DayTotals_Delete AFTER DELETE ON Surveys BEGIN
                    UPDATE SurveyDays SET Questionnaires = Questionnaires - 1 WHERE PaperDate = OLD.PaperDate AND TemplateId = OLD.TemplateId;
                    DELETE FROM SurveyDays WHERE PaperDate = OLD.PaperDate AND TemplateId = OLD.TemplateId AND Questionnaires <= 0;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Surveys_DayTotals_Update AFTER UPDATE OF PaperDate, TemplateId ON Surveys BEGIN
                    UPDATE SurveyDays SET Questionnaires = Questionnaires - 1 WHERE PaperDate = OLD.PaperDate AND TemplateId = OLD.TemplateId;
                    DELETE FROM SurveyDays WHERE PaperDate = OLD.PaperDate AND TemplateId = OLD.TemplateId AND Questionnaires <= 0;
                    INSERT INTO SurveyDays (PaperDate, TemplateId, Questionnaires) VALUES (NEW.PaperDate, NEW.TemplateId, 1)
                    ON CONFLICT (PaperDate, TemplateId) DO UPDATE SET Questionnaires = Questionnaires + 1;
                END;
                """);
            // The questionnaires already entered.
            migrationBuilder.Sql("""
                INSERT INTO SurveyDayItems (PaperDate, ItemId, TemplateId, PaperMonth, Scores, ScoreSum, Satisfied)
                SELECT PaperDate, ItemId, min(TemplateId), min(PaperMonth), count(*), sum(Score), count(CASE WHEN Score >= 4 THEN 1 END)
                FROM SurveyAnswers GROUP BY PaperDate, ItemId;
                """);
            migrationBuilder.Sql("""
                INSERT INTO SurveyDays (PaperDate, TemplateId, Questionnaires)
                SELECT PaperDate, TemplateId, count(*) FROM Surveys GROUP BY PaperDate, TemplateId;
                """);

            // The revisit tasks' day totals (RevisitDayTotal), kept the same way: the day is the due time's Beijing
            // day (UTC + 8, the portal's zone: no daylight saving), the clerk who closed the task or who has it ("" = the pile).
            migrationBuilder.Sql("""
                CREATE TRIGGER RevisitTasks_DayTotals_Insert AFTER INSERT ON RevisitTasks BEGIN
                    INSERT INTO RevisitDayTotals (DueDay, Kind, ClerkId, Tasks, Done, OnTime, Late, Unreachable, Rated, Satisfied)
                    SELECT date(NEW.Due, '+8 hours'), NEW.Kind, CASE WHEN NEW.DoneById <> '' THEN NEW.DoneById ELSE ifnull(NEW.AssigneeId, '') END, 1, NEW.DoneAt IS NOT NULL, CASE WHEN NEW.Status = 'Done' AND NEW.DoneAt <= NEW.Due THEN 1 ELSE 0 END, CASE WHEN NEW.Status = 'Done' AND NEW.DoneAt > NEW.Due THEN 1 ELSE 0 END, NEW.Status = 'Unreachable', NEW.Satisfaction IS NOT NULL, ifnull(NEW.Satisfaction >= 4, 0) WHERE true
                    ON CONFLICT (DueDay, Kind, ClerkId) DO UPDATE SET Tasks = Tasks + 1, Done = Done + excluded.Done, OnTime = OnTime + excluded.OnTime,
                        Late = Late + excluded.Late, Unreachable = Unreachable + excluded.Unreachable, Rated = Rated + excluded.Rated, Satisfied = Satisfied + excluded.Satisfied;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER RevisitTasks_DayTotals_Delete AFTER DELETE ON RevisitTasks BEGIN
                    UPDATE RevisitDayTotals SET Tasks = Tasks - 1, Done = Done - (OLD.DoneAt IS NOT NULL),
                        OnTime = OnTime - (CASE WHEN OLD.Status = 'Done' AND OLD.DoneAt <= OLD.Due THEN 1 ELSE 0 END),
                        Late = Late - (CASE WHEN OLD.Status = 'Done' AND OLD.DoneAt > OLD.Due THEN 1 ELSE 0 END),
                        Unreachable = Unreachable - (OLD.Status = 'Unreachable'), Rated = Rated - (OLD.Satisfaction IS NOT NULL),
                        Satisfied = Satisfied - ifnull(OLD.Satisfaction >= 4, 0)
                    WHERE DueDay = date(OLD.Due, '+8 hours') AND Kind = OLD.Kind AND ClerkId = CASE WHEN OLD.DoneById <> '' THEN OLD.DoneById ELSE ifnull(OLD.AssigneeId, '') END;
                    DELETE FROM RevisitDayTotals WHERE DueDay = date(OLD.Due, '+8 hours') AND Kind = OLD.Kind AND ClerkId = CASE WHEN OLD.DoneById <> '' THEN OLD.DoneById ELSE ifnull(OLD.AssigneeId, '') END AND Tasks <= 0;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER RevisitTasks_DayTotals_Update
                AFTER UPDATE OF Due, Kind, Status, DoneAt, DoneById, AssigneeId, Satisfaction ON RevisitTasks BEGIN
                    UPDATE RevisitDayTotals SET Tasks = Tasks - 1, Done = Done - (OLD.DoneAt IS NOT NULL),
                        OnTime = OnTime - (CASE WHEN OLD.Status = 'Done' AND OLD.DoneAt <= OLD.Due THEN 1 ELSE 0 END),
                        Late = Late - (CASE WHEN OLD.Status = 'Done' AND OLD.DoneAt > OLD.Due THEN 1 ELSE 0 END),
                        Unreachable = Unreachable - (OLD.Status = 'Unreachable'), Rated = Rated - (OLD.Satisfaction IS NOT NULL),
                        Satisfied = Satisfied - ifnull(OLD.Satisfaction >= 4, 0)
                    WHERE DueDay = date(OLD.Due, '+8 hours') AND Kind = OLD.Kind AND ClerkId = CASE WHEN OLD.DoneById <> '' THEN OLD.DoneById ELSE ifnull(OLD.AssigneeId, '') END;
                    DELETE FROM RevisitDayTotals WHERE DueDay = date(OLD.Due, '+8 hours') AND Kind = OLD.Kind AND ClerkId = CASE WHEN OLD.DoneById <> '' THEN OLD.DoneById ELSE ifnull(OLD.AssigneeId, '') END AND Tasks <= 0;
                    INSERT INTO RevisitDayTotals (DueDay, Kind, ClerkId, Tasks, Done, OnTime, Late, Unreachable, Rated, Satisfied)
                    SELECT date(NEW.Due, '+8 hours'), NEW.Kind, CASE WHEN NEW.DoneById <> '' THEN NEW.DoneById ELSE ifnull(NEW.AssigneeId, '') END, 1, NEW.DoneAt IS NOT NULL, CASE WHEN NEW.Status = 'Done' AND NEW.DoneAt <= NEW.Due THEN 1 ELSE 0 END, CASE WHEN NEW.Status = 'Done' AND NEW.DoneAt > NEW.Due THEN 1 ELSE 0 END, NEW.Status = 'Unreachable', NEW.Satisfaction IS NOT NULL, ifnull(NEW.Satisfaction >= 4, 0) WHERE true
                    ON CONFLICT (DueDay, Kind, ClerkId) DO UPDATE SET Tasks = Tasks + 1, Done = Done + excluded.Done, OnTime = OnTime + excluded.OnTime,
                        Late = Late + excluded.Late, Unreachable = Unreachable + excluded.Unreachable, Rated = Rated + excluded.Rated, Satisfied = Satisfied + excluded.Satisfied;
                END;
                """);
            // The tasks already there.
            migrationBuilder.Sql("""
                INSERT INTO RevisitDayTotals (DueDay, Kind, ClerkId, Tasks, Done, OnTime, Late, Unreachable, Rated, Satisfied)
                SELECT date(t.Due, '+8 hours') AS DueDay, t.Kind, CASE WHEN t.DoneById <> '' THEN t.DoneById ELSE ifnull(t.AssigneeId, '') END AS ClerkId, count(*), count(t.DoneAt),
                       count(CASE WHEN t.Status = 'Done' AND t.DoneAt <= t.Due THEN 1 END), count(CASE WHEN t.Status = 'Done' AND t.DoneAt > t.Due THEN 1 END),
                       count(CASE WHEN t.Status = 'Unreachable' THEN 1 END), count(t.Satisfaction), count(CASE WHEN t.Satisfaction >= 4 THEN 1 END)
                FROM RevisitTasks AS t
                GROUP BY 1, 2, 3;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "SurveyAnswers_DayTotals_Insert", "SurveyAnswers_DayTotals_Delete", "SurveyAnswers_DayTotals_Update",
                         "Surveys_DayTotals_Insert", "Surveys_DayTotals_Delete", "Surveys_DayTotals_Update",
                         "RevisitTasks_DayTotals_Insert", "RevisitTasks_DayTotals_Delete", "RevisitTasks_DayTotals_Update" })
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            migrationBuilder.DropTable(
                name: "RevisitDayTotals");

            migrationBuilder.DropTable(
                name: "SurveyDayItems");

            migrationBuilder.DropTable(
                name: "SurveyDays");
        }
    }
}
