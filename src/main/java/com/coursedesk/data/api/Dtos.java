package com.coursedesk.data.api;

import java.time.Instant;
import java.util.List;

/**
 * The JSON shapes of the billing API's responses, bound by Gson. Every field is a nullable
 * wrapper so that a missing field can be told apart from a zero; {@link DtoMapper} checks
 * them and turns them into domain records. Nothing outside this package sees these types.
 */
final class Dtos {

    private Dtos() {
    }

    record MoneyDto(Long amountMinor, String currency) {
    }

    record ProductDto(String id, String title, String type, String partner) {
    }

    record PlanDto(String id, String interval, MoneyDto price) {
    }

    /** Both payment method shapes in one: {@code type} says which fields apply. */
    record PaymentMethodDto(String type, String brand, String last4, String email) {
    }

    record PurchaseDto(
            String id,
            String kind,
            ProductDto product,
            String subscriptionId,
            MoneyDto amount,
            MoneyDto tax,
            MoneyDto total,
            String channel,
            String status,
            Instant purchasedAt,
            Instant refundedAt,
            Instant refundableUntil,
            String receiptNumber,
            PaymentMethodDto paymentMethod,
            Instant updatedAt,
            Long version) {
    }

    record SubscriptionDto(
            String id,
            ProductDto product,
            PlanDto plan,
            String channel,
            String status,
            Instant startedAt,
            Instant trialEndsAt,
            Instant currentPeriodStart,
            Instant currentPeriodEnd,
            Boolean cancelAtPeriodEnd,
            Instant canceledAt,
            Instant endedAt,
            Instant nextPaymentAt,
            MoneyDto nextPaymentAmount,
            Instant deadlinesResetAt,
            Instant updatedAt,
            Long version) {
    }

    record AccountDto(
            String id,
            String email,
            String displayName,
            String country,
            String currency,
            String locale,
            Instant createdAt) {
    }

    record TokenResponseDto(
            String accessToken,
            String refreshToken,
            String tokenType,
            Long expiresIn,
            AccountDto account) {
    }

    record DeletedDto(String type, String id) {
    }

    record SyncPageDto(
            List<PurchaseDto> purchases,
            List<SubscriptionDto> subscriptions,
            List<DeletedDto> deleted,
            String cursor,
            Boolean hasMore,
            Long remaining) {
    }

    record HealthDto(String status, Instant serverTime, String apiVersion) {
    }
}
