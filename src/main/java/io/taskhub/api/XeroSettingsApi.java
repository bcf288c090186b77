package io.taskhub.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.taskhub.model.Integration;
import io.taskhub.model.IntegrationStatus;
import io.taskhub.model.LedgerAccount;
import io.taskhub.provider.ProviderRejection;
import io.taskhub.provider.ProviderUnavailable;
import io.taskhub.provider.xero.XeroMapper;
import io.taskhub.provider.xero.XeroSettings;
import io.taskhub.sync.IntegrationRepository;
import io.taskhub.sync.StoredIntegration;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The seed's "select the Revenue and Expense Accounts" step: {@code GET .../xero/accounts} lists what the chart
 * offers, {@code PUT .../settings} stores the choice once Xero has it. Only Xero integrations have settings.
 */
@Component("xeroSettingsApi")
public class XeroSettingsApi {

    private static final String XERO = "xero";

    private final IntegrationsApi integrationsApi;
    private final IntegrationRepository integrations;
    private final XeroSettings xero;

    public XeroSettingsApi(IntegrationsApi integrationsApi, IntegrationRepository integrations, XeroSettings xero) {
        this.integrationsApi = integrationsApi;
        this.integrations = integrations;
        this.xero = xero;
    }

    public List<LedgerAccount> accounts(@Header("acc") String acc, @Header("id") String id) {
        StoredIntegration integration = xeroIntegration(acc, id);
        return askXero(() -> xero.accounts(integration));
    }

    public Integration update(@Header("acc") String acc, @Header("id") String id,
                              @Body Requests.XeroSettingsChange body) {
        StoredIntegration integration = xeroIntegration(acc, id);
        Check.body(body);
        Map<String, Object> settings = new HashMap<>(integration.settings());
        settings.put(XeroMapper.REVENUE_SETTING, Check.text("revenueAccountCode", body.revenueAccountCode()));
        settings.put(XeroMapper.EXPENSE_SETTING, Check.text("expenseAccountCode", body.expenseAccountCode()));
        askXero(() -> {
            xero.check(integration, settings);
            return null;
        });
        integrations.updateSettings(integration.id(), settings);
        return integrationsApi.view(integrations.find(integration.id()).orElseThrow());
    }

    private StoredIntegration xeroIntegration(String acc, String id) {
        StoredIntegration integration = integrationsApi.find(acc, id);
        if (!integration.provider().equals(XERO)) {
            throw ApiProblem.notFound("integration " + integration.id() + " (" + integration.provider()
                    + ") has no accounting settings");
        }
        if (integration.status() != IntegrationStatus.ACTIVE) {
            throw ApiProblem.conflict("integration " + integration.id() + " is " + integration.status());
        }
        return integration;
    }

    /** Xero's refusal is a 422 in the hub's words; a failure a 502. */
    private static <T> T askXero(Supplier<T> call) {
        try {
            return call.get();
        } catch (ProviderRejection e) {
            throw ApiProblem.rejectedByProvider(e.getMessage());
        } catch (ProviderUnavailable e) {
            throw ApiProblem.providerFailed(e.getMessage());
        } catch (RuntimeException e) {
            throw ApiProblem.providerFailed("Xero could not be reached, or answered what the hub cannot read");
        }
    }
}
