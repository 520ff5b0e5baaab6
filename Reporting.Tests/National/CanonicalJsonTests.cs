using System.Text;
using Reporting.Core.National;
using Xunit;

namespace Reporting.Tests.National;

/// <summary>RFC 8785's own examples: a receiver in another language must re-create the signed bytes.</summary>
public class CanonicalJsonTests
{
    /// <summary>RFC 8785 Appendix B: IEEE 754 bit patterns and their ECMAScript text (checked with node's String()).</summary>
    [Theory]
    [InlineData("0000000000000000", "0")]
    [InlineData("8000000000000000", "0")]
    [InlineData("0000000000000001", "5e-324")]
    [InlineData("8000000000000001", "-5e-324")]
    [InlineData("7fefffffffffffff", "1.7976931348623157e+308")]
    [InlineData("ffefffffffffffff", "-1.7976931348623157e+308")]
    [InlineData("4340000000000000", "9007199254740992")]
    [InlineData("c340000000000000", "-9007199254740992")]
    [InlineData("4430000000000000", "295147905179352830000")]
    [InlineData("44b52d02c7e14af5", "9.999999999999997e+22")]
    [InlineData("44b52d02c7e14af6", "1e+23")]
    [InlineData("44b52d02c7e14af7", "1.0000000000000001e+23")]
    [InlineData("444b1ae4d6e2ef4e", "999999999999999700000")]
    [InlineData("444b1ae4d6e2ef4f", "999999999999999900000")]
    [InlineData("444b1ae4d6e2ef50", "1e+21")]
    [InlineData("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [InlineData("3eb0c6f7a0b5ed8d", "0.000001")]
    [InlineData("41b3de4355555553", "333333333.3333332")]
    [InlineData("41b3de4355555554", "333333333.33333325")]
    [InlineData("41b3de4355555555", "333333333.3333333")]
    [InlineData("41b3de4355555556", "333333333.3333334")]
    [InlineData("41b3de4355555557", "333333333.33333343")]
    [InlineData("becbf647612f3696", "-0.0000033333333333333333")]
    [InlineData("43143ff3c1cb0959", "1424953923781206.2")]
    public void Numbers_are_written_as_ECMAScript_writes_them(string bits, string expected)
    {
        var value = BitConverter.Int64BitsToDouble(Convert.ToInt64(bits, 16));
        Assert.Equal(expected, CanonicalJson.Number(value));
    }

    [Theory]
    [InlineData("7fffffffffffffff")]
    [InlineData("7ff0000000000000")]
    [InlineData("fff0000000000000")]
    public void NaN_and_infinity_have_no_canonical_form(string bits) =>
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Number(BitConverter.Int64BitsToDouble(Convert.ToInt64(bits, 16))));

    [Theory]
    [InlineData(1, "1")]
    [InlineData(-1, "-1")]
    [InlineData(100, "100")]
    [InlineData(0.5, "0.5")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(123e-20, "1.23e-18")]
    [InlineData(0.0001, "0.0001")]
    public void Everyday_numbers(double value, string expected) => Assert.Equal(expected, CanonicalJson.Number(value));

    /// <summary>RFC 8785 §3.2.2 / §3.2.3: the sample object, its text and its UTF-8 bytes.</summary>
    [Fact]
    public void The_RFC_sample_object_canonicalises_to_the_RFC_bytes()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;
        const string expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        var bytes = CanonicalJson.Canonicalize(input);
        Assert.Equal(expected, Encoding.UTF8.GetString(bytes));
        Assert.Equal(
            "7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e756d62657273223a5b33333333333333" +
            "33332e333333333333332c31652b33302c342e352c302e3030322c31652d32375d2c22737472696e67223a22e282ac24" +
            "5c75303030665c6e4127425c225c5c5c5c5c222f227d",
            Convert.ToHexStringLower(bytes));
    }

    /// <summary>RFC 8785 §3.2.3: properties sorted by UTF-16 code units, so the emoji (a surrogate pair) sorts before U+FB33.</summary>
    [Fact]
    public void Properties_sort_by_UTF16_code_units()
    {
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;
        var text = Encoding.UTF8.GetString(CanonicalJson.Canonicalize(input));
        Assert.Equal(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":\"Latin Small Letter O With Diaeresis\"," +
            "\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
            text);
    }

    [Fact]
    public void Nested_objects_are_sorted_and_arrays_keep_their_order()
    {
        var text = Encoding.UTF8.GetString(CanonicalJson.Canonicalize("""{ "b": [3, {"z": 1, "a": "Đà Nẵng"}, 1], "a": { "y": true, "x": null } }"""));
        Assert.Equal("{\"a\":{\"x\":null,\"y\":true},\"b\":[3,{\"a\":\"Đà Nẵng\",\"z\":1},1]}", text);
    }

    [Theory]
    [InlineData("\"\\u0000\\u001f\\b\\t\\f\"", "\"\\u0000\\u001f\\b\\t\\f\"")]
    [InlineData("\"\\u007f\\u2028/\"", "\"\u007f\u2028/\"")]
    public void Strings_escape_only_quotes_backslashes_and_control_characters(string input, string expected) =>
        Assert.Equal(expected, Encoding.UTF8.GetString(CanonicalJson.Canonicalize(input)));

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("\"\\ud800\"")]
    [InlineData("{not json")]
    public void What_has_no_canonical_form_is_refused(string input) =>
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Canonicalize(input));
}
