package resolve

import (
	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/graphql/internal/gen/model"
)

// pageSize checks a connection's `first` (nil: the schema default was removed by a null).
func pageSize(first *int) (int, error) {
	if first == nil {
		return data.DefaultLimit, nil
	}
	if *first < 1 || *first > data.MaxLimit {
		return 0, data.Errorf(data.EINVALID, "first must be between 1 and %d, got %d", data.MaxLimit, *first)
	}
	return *first, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// pageInfo builds Relay page information from data's next-page cursor ("" on the last page).
func pageInfo(next string) *model.PageInfo {
	if next == "" {
		return &model.PageInfo{}
	}
	return &model.PageInfo{HasNextPage: true, EndCursor: &next}
}

// orEmpty turns a nil list into an empty one: the schema's lists are non-null.
func orEmpty[T any](list []T, err error) ([]T, error) {
	if list == nil && err == nil {
		list = []T{}
	}
	return list, err
}
