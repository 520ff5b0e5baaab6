using Microsoft.AspNetCore.Identity;

namespace Reporting.Web.Access;

/// <summary>Identity's validation messages in Vietnamese (shown on the administration pages and in the API).</summary>
public sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Mật khẩu cần ít nhất {length} ký tự." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Tên đăng nhập '{userName}' đã có." };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"Tên đăng nhập '{userName}' chỉ được gồm chữ không dấu, số và - . _ @ +." };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"E-mail '{email}' không hợp lệ." };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Mật khẩu cần ít nhất {uniqueChars} ký tự khác nhau." };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Không thực hiện được thao tác với tài khoản." };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "Tài khoản vừa được người khác sửa; hãy tải lại và thử lại." };
}
