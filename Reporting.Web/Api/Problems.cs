using Microsoft.AspNetCore.Mvc;
using Reporting.Core.Indicators;

namespace Reporting.Web.Api;

/// <summary>RFC 7807 answers with a machine <c>type</c> and Vietnamese <c>title</c>/<c>detail</c>.</summary>
public static class Problems
{
    public const string TypePrefix = "urn:reporting-system:problem:";

    public static ProblemDetails Create(int status, string type, string title, string detail) => new()
    {
        Status = status,
        Type = TypePrefix + type,
        Title = title,
        Detail = detail,
    };

    public static IResult Result(int status, string type, string title, string detail) =>
        Results.Problem(Create(status, type, title, detail));

    public static IResult Validation(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "Dữ liệu không hợp lệ", detail: "Một hoặc nhiều tham số không hợp lệ.",
            type: TypePrefix + "validation");

    public static IResult From(QueryException e) => Result(
        e.Type switch
        {
            "agency-not-found" or "indicator-not-found" or "form-not-found" => StatusCodes.Status404NotFound,
            "outside-agency-scope" => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        },
        e.Type, e.Title, e.Message);
}
