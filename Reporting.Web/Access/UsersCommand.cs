using Reporting.Core.Access;
namespace Reporting.Web.Access;

/// <summary>
/// <c>dotnet Reporting.Web.dll users add &lt;userName&gt; --role admin [--role …] --agency &lt;code&gt; [--name "…"]</c>:
/// creates (or updates) a user, the password read from standard input, so it never lands in a shell history.
/// </summary>
public static class UsersCommand
{
    public static bool IsCommand(string[] args) => args.Length >= 1 && args[0].Equals("users", StringComparison.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextReader input, TextWriter output, TextWriter error)
    {
        if (args.Length < 3 || !args[1].Equals("add", StringComparison.OrdinalIgnoreCase) || args[2].StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync("Cách dùng: users add <tên đăng nhập> --role <vai trò> [--role …] --agency <mã đơn vị> [--name \"Họ tên\"] (mật khẩu đọc từ đầu vào chuẩn)");
            return 2;
        }

        var roles = new List<string>();
        string? agency = null;
        string? name = null;
        for (var i = 3; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--role" when i + 1 < args.Length: roles.Add(args[++i].Trim().ToLowerInvariant()); break;
                case "--agency" when i + 1 < args.Length: agency = args[++i]; break;
                case "--name" when i + 1 < args.Length: name = args[++i]; break;
                default:
                    await error.WriteLineAsync($"Tham số không hiểu: {args[i]}");
                    return 2;
            }
        }

        var password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n') ?? "";
        var result = await services.GetRequiredService<UserAdmin>().SaveAsSystemAsync(args[2],
            new UserChange(name, null, agency, roles.Count == 0 ? null : roles, true, password));
        if (!result.Ok)
        {
            foreach (var (field, messages) in result.Errors)
            {
                await error.WriteLineAsync($"{field}: {string.Join(" ", messages)}");
            }

            return 1;
        }

        await output.WriteLineAsync(result.Created ? $"Đã tạo người dùng {args[2]}." : $"Đã cập nhật người dùng {args[2]}.");
        return 0;
    }
}
