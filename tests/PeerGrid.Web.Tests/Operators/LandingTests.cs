using PeerGrid.Web.Auth;

namespace PeerGrid.Web.Tests.Operators;

public sealed class LandingTests
{
    [Theory]
    [InlineData(null, true, "/operator/clock")]
    [InlineData("/", true, "/operator/clock")]
    [InlineData("/dashboard", true, "/operator/clock")]
    [InlineData("/operator/users", true, "/operator/users")]
    [InlineData("//evil.example", true, "/operator/clock")]
    [InlineData(null, false, "/dashboard")]
    [InlineData("/", false, "/dashboard")]
    [InlineData("/wallet", false, "/wallet")]
    public void AfterLogin_AnOperatorAskingForTheDashboardOrRoot_LandsOnTheClock(string? returnUrl, bool isOperator, string expected) =>
        Assert.Equal(expected, AccountEndpoints.LandingUrl(returnUrl, isOperator));
}
