namespace Reporting.Core.Access;

/// <summary>A read or write outside the caller's scope or role: 403 in the API, "Không có quyền" on a page.</summary>
public sealed class AccessDeniedException(string message) : Exception(message)
{
    public const string Title = "Không có quyền";
}
