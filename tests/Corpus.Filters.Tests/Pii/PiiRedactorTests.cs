using Corpus.Filters.Pii;

namespace Corpus.Filters.Tests.Pii;

public sealed class PiiRedactorTests
{
    [Theory]
    [InlineData("Write to jane.doe+news@example.co.uk today.", "Write to <EMAIL> today.", PiiKind.Email)]
    [InlineData("Server 192.168.1.20 is down.", "Server <IP> is down.", PiiKind.IpAddress)]
    [InlineData("Use 2001:db8:85a3::8a2e:370:7334 now.", "Use <IP> now.", PiiKind.IpAddress)]
    [InlineData("Call +44 20 7946 0958 now.", "Call <PHONE> now.", PiiKind.Phone)]
    [InlineData("Call +7 (495) 123-45-67 now.", "Call <PHONE> now.", PiiKind.Phone)]
    [InlineData("Call (555) 123-4567 now.", "Call <PHONE> now.", PiiKind.Phone)]
    [InlineData("Ruf 030 1234 5678 an.", "Ruf <PHONE> an.", PiiKind.Phone)]
    [InlineData("Card 4111 1111 1111 1111 used.", "Card <CARD> used.", PiiKind.PaymentCard)]
    [InlineData("Card 5500-0000-0000-0004 used.", "Card <CARD> used.", PiiKind.PaymentCard)]
    [InlineData("Amex 3782 822463 10005 used.", "Amex <CARD> used.", PiiKind.PaymentCard)]
    [InlineData("اتصل على ‎+966 11 234 5678 الآن", "اتصل على ‎<PHONE> الآن", PiiKind.Phone)]
    public void Redacts_each_kind(string text, string expected, PiiKind kind)
    {
        var result = PiiRedactor.Redact(text);
        result.Text.Should().Be(expected);
        result.Counts.Should().ContainKey(kind).WhoseValue.Should().Be(1);
        result.Total.Should().Be(1);
    }

    [Theory]
    [InlineData("Released on 2024-01-15, in 1999 and on 15.01.2024.")]
    [InlineData("Version 1.2.3 and 10.0.100-rc.1 ship today.")]
    [InlineData("ISBN 978-3-16-148410-0 and ISBN 0-306-40615-2.")]
    [InlineData("Card 4111 1111 1111 1112 is Luhn-invalid.")]
    [InlineData("The population was 1234567 in 2020; 12:30:45 UTC.")]
    [InlineData("std::vector and a::b are code, not addresses.")]
    [InlineData("Price 1,299.00 and order 20240115.")]
    public void Leaves_lookalikes_alone(string text)
    {
        var result = PiiRedactor.Redact(text);
        result.Text.Should().Be(text);
        result.Total.Should().Be(0);
    }

    [Fact]
    public void Counts_several_kinds_together()
    {
        var result = PiiRedactor.Redact("a@b.org, c@d.org, 10.0.0.1 and +1 415 555 0100.");
        result.Counts[PiiKind.Email].Should().Be(2);
        result.Counts[PiiKind.IpAddress].Should().Be(1);
        result.Counts[PiiKind.Phone].Should().Be(1);
    }
}
