namespace Claims.Grains.Merchants;

// One grain holds the whole register: operators change merchants at the rate of people, and a
// county's few thousand merchants fit one state.
public sealed class MerchantRegisterGrain(
    [PersistentState("merchant-register", StorageNames.Claims)] IPersistentState<MerchantRegisterState> state)
    : Grain, IMerchantRegisterGrain
{
    public Task FileAsync(Merchant merchant)
    {
        state.State.Merchants[merchant.Id] = merchant;
        return state.WriteStateAsync();
    }

    public Task<IReadOnlyList<Merchant>> ListAsync() =>
        Task.FromResult<IReadOnlyList<Merchant>>([.. state.State.Merchants.Values]);
}
