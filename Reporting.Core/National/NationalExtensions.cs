using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Reporting.Core.National;

public static class NationalExtensions
{
    /// <summary>
    /// The submission to the national system: <c>National:*</c> options validated on start, the
    /// signer's certificate, the outbox the <c>send</c> transition writes to, and the delivery the
    /// Quartz job runs (its HTTP client named <see cref="NationalDelivery.HttpClientName"/>).
    /// </summary>
    public static IServiceCollection AddNational(this IServiceCollection services)
    {
        services.AddOptions<NationalOptions>().BindConfiguration(NationalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NationalOptions>, NationalOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SigningCertificate>();
        services.TryAddSingleton<NationalOutbox>();
        services.TryAddSingleton<NationalDelivery>();
        services.TryAddSingleton<SubmissionStatusReader>();
        services.TryAddScoped<NationalReachReader>();
        // Redirects are not followed: a submission goes where it was configured to, or not at all.
        services.AddHttpClient(NationalDelivery.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);
        return services;
    }
}
