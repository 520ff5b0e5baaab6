using System.Globalization;

namespace Reporting.Core;

/// <summary>How names are ordered for Vietnamese readers (forms, rankings): vi-VN collation, so "Đ" sorts after "D".</summary>
public static class VietnameseText
{
    public static readonly StringComparer Order = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false);
}
